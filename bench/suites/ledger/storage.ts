/**
 * What the verifiable log costs on disk, on the real server's SQLite store (a child process, as a team runs it):
 *
 * - ledger.log-bytes-per-change: N changes of a realistic log pushed in batches of 1,000 (each push answered with a
 *   checkpoint, so one is stored per push); the database copied with VACUUM INTO, and the copy again with the log's
 *   parts dropped (changes.leaf_hash, ledgers, ledger_blocks, checkpoints, cosignatures, the keys) and vacuumed.
 *   The figure is the difference per change (page_count × page_size); the baseline, the bytes per change of the
 *   database without the log.
 * - ledger.checkpoint-bytes-per-push: then M pushes of one change each (an edit of one item's notes), as a client
 *   syncing every edit does; each grows the log by one, so each stores a checkpoint. The figure is the checkpoint
 *   tables' growth per push (SQLite's dbstat, pages of the vacuumed copies); the baseline, what the same pushes
 *   store without the log, per push.
 *
 * Sizes are deterministic for given data: one measurement each.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DB_FILE } from '../../../server/store/sqlite';
import { formatHlc } from '../../../shared/sync/hlc';
import { PROTOCOL_VERSION, type Change, type PushResponse } from '../../../shared/sync/protocol';
import { startSyncServer } from '../../../test/support/sync-server';
import { batches, logToChanges, seedSpace } from '../../data/changes';
import { generateLog } from '../../data/log';
import { summarize } from '../../lib/stats';
import type { BenchContext, Figure } from '../../lib/types';
import { post } from '../server/http';

/** The verifiable log's tables (migration 8), besides the leaf_hash column of `changes`. */
const LOG_TABLES = ['cosignatures', 'checkpoints', 'ledger_blocks', 'ledgers', 'server_key', 'signing_keys'];
const CHECKPOINT_TABLES = ['checkpoints', 'cosignatures'];
const REPLICA = 'bench-ledger';

interface Sizes {
  /** page_count × page_size. */
  bytes: number;
  /** Pages' bytes of each table and index (dbstat). */
  tables: Map<string, number>;
  checkpoints: number;
}

function sizesOf(file: string): Sizes {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const rows = db
      .prepare<[], { name: string; bytes: number }>('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name')
      .all();
    const hasCheckpoints = rows.some((r) => r.name === 'checkpoints');
    const checkpoints = hasCheckpoints ? (db.prepare('SELECT COUNT(*) FROM checkpoints').pluck().get() as number) : 0;
    return { bytes: pages * pageSize, tables: new Map(rows.map((r) => [r.name, r.bytes])), checkpoints };
  } finally {
    db.close();
  }
}

/** A vacuumed copy of the live server's database (a second connection, as the admin command line opens it). */
function snapshot(live: string, to: string): Sizes {
  const db = new Database(live, { fileMustExist: true });
  try {
    db.exec(`VACUUM INTO '${to.replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  return sizesOf(to);
}

/** The same database as if the server kept no verifiable log: its column and tables dropped, then vacuumed. */
function withoutLog(file: string, to: string): Sizes {
  copyFileSync(file, to);
  const db = new Database(to);
  try {
    db.pragma('foreign_keys = OFF');
    db.exec('ALTER TABLE changes DROP COLUMN leaf_hash');
    for (const table of LOG_TABLES) db.exec(`DROP TABLE ${table}`);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  return sizesOf(to);
}

const table = (s: Sizes, name: string) => s.tables.get(name) ?? 0;
const sum = (s: Sizes, names: string[]) => names.reduce((n, name) => n + table(s, name), 0);
const count = (n: number) => n.toLocaleString('en-US');
const perUnit = (bytes: number, n: number) => `${(bytes / n).toFixed(1)} B`;

export async function storageFigures(ctx: BenchContext): Promise<Figure[]> {
  const total = ctx.quick ? 2_000 : 20_000;
  const singles = ctx.quick ? 50 : 500;
  // A realistic mix of clients, vendors, meetings, items and captures: an item and its capture are 35 changes.
  const changes = logToChanges(generateLog({ items: Math.ceil(total / 35), seed: 13 }), REPLICA).slice(0, total);
  if (changes.length < total) throw new Error(`the generated log holds only ${changes.length} changes`);
  // Items whose notes the pushes set, with the stamp each edit must name as its base (else it counts as concurrent).
  const notes = new Map(changes.filter((c) => c.table === 'items' && c.field === 'notes').map((c) => [c.id, c.hlc]));
  const edited = [...notes.keys()];
  if (edited.length === 0) throw new Error('no item notes in the generated changes');

  // The rate limit off: M pushes back to back would meet it, and it is not what is measured.
  const server = await startSyncServer({ args: ['--rate-per-second', '0'] });
  try {
    const live = join(server.dataDir, DEFAULT_DB_FILE);
    const seeded = await seedSpace(server.url, server.setupCode, null);
    ctx.log(`ledger: pushing ${count(total)} changes to the SQLite server`);
    let seq = 0;
    const push = (batch: Change[]) =>
      post<PushResponse>(
        server.url,
        `/v1/spaces/${seeded.space}/push`,
        { protocol: PROTOCOL_VERSION, replicaId: REPLICA, seq: ++seq, changes: batch },
        seeded.ownerToken,
      );
    for (const batch of batches(changes)) await push(batch);
    const batched = seq;
    const withLogA = snapshot(live, join(ctx.tmp, 'ledger-a.sqlite'));
    const bareA = withoutLog(join(ctx.tmp, 'ledger-a.sqlite'), join(ctx.tmp, 'ledger-a-bare.sqlite'));

    ctx.log(`ledger: ${singles} pushes of one change each`);
    let conflicts = 0;
    for (let i = 0; i < singles; i++) {
      const id = edited[i % edited.length]!;
      const hlc = formatHlc({ ms: Date.now(), counter: i % 10_000, node: REPLICA });
      const change: Change = {
        table: 'items',
        id,
        field: 'notes',
        value: `Follow-up ${i + 1}: quote revised.`,
        hlc,
        base: notes.get(id)!,
      };
      notes.set(id, hlc);
      const ack = await push([change]);
      conflicts += ack.conflicts;
      if (!ack.checkpoint) throw new Error('a push answered without a checkpoint');
    }
    if (conflicts) throw new Error(`${conflicts} of the single edits were taken as concurrent`);
    const withLogB = snapshot(live, join(ctx.tmp, 'ledger-b.sqlite'));
    const bareB = withoutLog(join(ctx.tmp, 'ledger-b.sqlite'), join(ctx.tmp, 'ledger-b-bare.sqlite'));
    const stored = withLogB.checkpoints - withLogA.checkpoints;
    if (stored !== singles) throw new Error(`${singles} single pushes stored ${stored} checkpoints`);

    const extra = withLogA.bytes - bareA.bytes;
    const leafHashes = table(withLogA, 'changes') - table(bareA, 'changes');
    const parts = [
      `leaf hashes in changes ${perUnit(leafHashes, total)}`,
      `blocks of 256 leaves ${perUnit(table(withLogA, 'ledger_blocks'), total)}`,
      `${withLogA.checkpoints} checkpoints (one per push) ${perUnit(sum(withLogA, CHECKPOINT_TABLES), total)}`,
      `frontier and keys ${perUnit(sum(withLogA, ['ledgers', 'server_key', 'signing_keys']), total)}`,
    ];
    const checkpointBytes = sum(withLogB, CHECKPOINT_TABLES) - sum(withLogA, CHECKPOINT_TABLES);
    const pushedBare = bareB.bytes - bareA.bytes;
    ctx.log(
      `ledger: the log adds ${(extra / total).toFixed(1)} B per change; a checkpoint ${(checkpointBytes / singles).toFixed(0)} B per push`,
    );
    return [
      {
        id: 'ledger.log-bytes-per-change',
        area: 'ledger',
        name: `the verifiable log's extra storage per change (${count(total)} changes, SQLite)`,
        unit: 'B',
        result: summarize([extra / total]),
        baseline: { name: 'the same database without the log, per change', result: summarize([bareA.bytes / total]) },
        note:
          `The real server on SQLite: ${count(total)} changes of a generated team log (clients, vendors, meetings, ` +
          `items and captures with their Markdown) in ${batched} pushes of up to 1,000, each answered with a signed ` +
          `checkpoint; the database copied with VACUUM INTO (${(withLogA.bytes / 1e6).toFixed(1)} MB, ` +
          `${perUnit(withLogA.bytes, total)} per change), then the copy with changes.leaf_hash and the log's tables ` +
          `dropped and vacuumed (${(bareA.bytes / 1e6).toFixed(1)} MB): page_count × page_size. Where the log's ` +
          `bytes per change go (dbstat pages): ${parts.join(', ')}. No co-signatures here (a device adds one row ` +
          `per checkpoint it co-signs). Sizes are deterministic: one measurement.`,
      },
      {
        id: 'ledger.checkpoint-bytes-per-push',
        area: 'ledger',
        name: 'checkpoint bytes per push, one change per push',
        unit: 'B',
        result: summarize([checkpointBytes / singles]),
        baseline: {
          name: 'what the same pushes store without the log, per push',
          result: summarize([pushedBare / singles]),
        },
        note:
          `Then ${singles} pushes of one change each (an edit of an item's notes, as a client syncing every edit ` +
          `sends), each answered with a checkpoint at the new size: ${stored} checkpoints stored. The growth of the ` +
          `checkpoints and cosignatures tables (dbstat pages of vacuumed copies before and after) per push; the ` +
          `whole database grew ${perUnit(withLogB.bytes - withLogA.bytes, singles)} per push with the log, ` +
          `${perUnit(pushedBare, singles)} without it. Sizes are deterministic: one measurement.`,
      },
    ];
  } finally {
    await server.stop();
  }
}

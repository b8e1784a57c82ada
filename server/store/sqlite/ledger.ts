import type Database from 'better-sqlite3';
import { MerkleFrontier, type FrontierState } from '../../../shared/ledger/merkle';
import type { RecordFields } from '../../../shared/sync/merge';
import { hashLog } from '../../ledger/hash-log';
import {
  type ChangeRow,
  type CheckpointRow,
  type CosignatureRow,
  type KeyRow,
  type RecordRow,
  toCheckpoint,
  toCosignature,
  toEntry,
  toSigningKey,
  toState,
} from '../rows';
import type { Cosignature, ServerKey, StoredCheckpoint, SyncStore } from '../types';
import type { Synchronous } from './promised';

const PAGE = 5000;

/**
 * Migration 8's work in code: hashes every space's existing log into its leaf hashes and frontier, a page at a
 * time, inside the migration's transaction (a data dir is either all upgraded or not at all).
 */
export function backfillLedgers(db: Database.Database): void {
  const spaces = db.prepare<[], { space_id: string }>('SELECT DISTINCT space_id FROM changes').all();
  const page = db.prepare<[string, number], ChangeRow>(
    `SELECT * FROM changes WHERE space_id = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`,
  );
  const setHash = db.prepare('UPDATE changes SET leaf_hash = ? WHERE space_id = ? AND seq = ?');
  const writeFrontier = db.prepare('INSERT OR REPLACE INTO ledgers (space_id, size, nodes) VALUES (?, ?, ?)');
  const writeBlock = db.prepare('INSERT INTO ledger_blocks (space_id, block, root) VALUES (?, ?, ?)');
  for (const { space_id: spaceId } of spaces) {
    const frontier = new MerkleFrontier();
    for (;;) {
      const entries = page.all(spaceId, frontier.size).map(toEntry);
      const { hashes, blocks } = hashLog(entries, frontier);
      entries.forEach((e, i) => setHash.run(hashes[i], spaceId, e.seq));
      for (const b of blocks) writeBlock.run(spaceId, b.index, b.root);
      if (entries.length < PAGE) break;
    }
    const state = frontier.state();
    writeFrontier.run(spaceId, state.size, JSON.stringify(state.nodes));
  }
}

/** A space's frontier as SQLite keeps it (no row: before its first change). */
export function frontierReader(db: Database.Database): (spaceId: string) => FrontierState {
  const q = db.prepare<[string], { size: number; nodes: string }>('SELECT size, nodes FROM ledgers WHERE space_id = ?');
  return (spaceId) => {
    const row = q.get(spaceId);
    return row ? { size: row.size, nodes: JSON.parse(row.nodes) as string[] } : { size: 0, nodes: [] };
  };
}

type LedgerPart = Synchronous<
  Pick<
    SyncStore,
    | 'readRecord'
    | 'ledgerHead'
    | 'readLeafHashes'
    | 'readBlockRoots'
    | 'ensureServerKey'
    | 'signingKeys'
    | 'putCheckpoint'
    | 'getCheckpoint'
    | 'listCheckpoints'
    | 'addCosignature'
  >
>;

/** The verifiable log's reads and writes outside pushes (pushes move the frontier: ./batch.ts). */
export function ledgerPart(db: Database.Database): LedgerPart {
  const frontierOf = frontierReader(db);
  const q = {
    record: db.prepare<[string, string, string], RecordRow>(
      'SELECT tbl, record_id, fields FROM records WHERE space_id = ? AND tbl = ? AND record_id = ?',
    ),
    replicaOwner: db.prepare<[string], { user_id: string }>('SELECT user_id FROM replicas WHERE replica_id = ?'),
    leaves: db
      .prepare<[string, number, number], Buffer | null>(
        'SELECT leaf_hash FROM changes WHERE space_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
      )
      .pluck(),
    blocks: db
      .prepare<[string, number, number], Buffer>(
        'SELECT root FROM ledger_blocks WHERE space_id = ? AND block >= ? AND block < ? ORDER BY block',
      )
      .pluck(),
    serverKey: db.prepare<[], KeyRow & { private_key: Buffer }>(
      `SELECT k.key_id, k.public_key, k.created_at, s.private_key FROM server_key s
       JOIN signing_keys k ON k.key_id = s.key_id WHERE s.id = 1`,
    ),
    insertKey: db.prepare('INSERT OR IGNORE INTO signing_keys (key_id, public_key, created_at) VALUES (?, ?, ?)'),
    insertServerKey: db.prepare('INSERT OR IGNORE INTO server_key (id, key_id, private_key) VALUES (1, ?, ?)'),
    signingKey: db.prepare<[string], KeyRow>(
      'SELECT key_id, public_key, created_at FROM signing_keys WHERE key_id = ?',
    ),
    checkpoint: db.prepare<[string, number], CheckpointRow>(
      'SELECT * FROM checkpoints WHERE space_id = ? AND size = ?',
    ),
    checkpoints: db.prepare<[string, number, number], CheckpointRow>(
      'SELECT * FROM checkpoints WHERE space_id = ? AND size > ? ORDER BY size LIMIT ?',
    ),
    insertCheckpoint: db.prepare(
      `INSERT OR IGNORE INTO checkpoints (space_id, size, root, time, key_id, signature)
       VALUES (@space, @size, @root, @time, @keyId, @signature)`,
    ),
    cosignatures: db.prepare<[string, number], CosignatureRow>(
      'SELECT size, key_id, signature, account_id, at FROM cosignatures WHERE space_id = ? AND size = ? ORDER BY at, key_id',
    ),
    cosignaturesIn: db.prepare<[string, number, number], CosignatureRow>(
      `SELECT size, key_id, signature, account_id, at FROM cosignatures WHERE space_id = ? AND size >= ? AND size <= ?
       ORDER BY size, at, key_id`,
    ),
    insertCosignature: db.prepare(
      `INSERT OR IGNORE INTO cosignatures (space_id, size, key_id, signature, account_id, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
  const checkpointAt = (spaceId: string, size: number) => {
    const row = q.checkpoint.get(spaceId, size);
    return row ? toCheckpoint(row, q.cosignatures.all(spaceId, size).map(toCosignature)) : null;
  };
  const readServerKey = (): ServerKey | null => {
    const row = q.serverKey.get();
    return row
      ? {
          keyId: row.key_id,
          publicKey: row.public_key,
          createdAt: row.created_at,
          privateKey: new Uint8Array(row.private_key),
        }
      : null;
  };
  const ensureServerKey = db.transaction((candidate: ServerKey): ServerKey => {
    const there = readServerKey();
    if (there) return there;
    q.insertKey.run(candidate.keyId, candidate.publicKey, candidate.createdAt);
    q.insertServerKey.run(candidate.keyId, Buffer.from(candidate.privateKey));
    return readServerKey()!;
  });
  const putCheckpoint = db.transaction((cp: Omit<StoredCheckpoint, 'cosignatures'>) => {
    q.insertCheckpoint.run(cp);
    return checkpointAt(cp.space, cp.size)!;
  });
  return {
    readRecord: (spaceId, table, id) => {
      const row = q.record.get(spaceId, table, id);
      if (!row) return null;
      return toState(row, JSON.parse(row.fields) as RecordFields, (r) => q.replicaOwner.get(r)?.user_id ?? null);
    },
    ledgerHead: (spaceId) => {
      const frontier = frontierOf(spaceId);
      return { frontier, checkpoint: frontier.size > 0 ? checkpointAt(spaceId, frontier.size) : null };
    },
    readLeafHashes: (spaceId, from, to) => {
      const hashes = to > from ? q.leaves.all(spaceId, from, to) : [];
      if (hashes.length !== Math.max(0, to - from) || hashes.some((h) => h === null || h.length !== 32)) {
        throw new Error(`space ${spaceId} lacks leaf hashes in ${from}..${to}`);
      }
      return hashes as Buffer[];
    },
    readBlockRoots: (spaceId, from, to) => {
      const roots = to > from ? q.blocks.all(spaceId, from, to) : [];
      if (roots.length !== Math.max(0, to - from))
        throw new Error(`space ${spaceId} lacks block roots in ${from}..${to}`);
      return roots;
    },
    ensureServerKey: (candidate) => ensureServerKey.immediate(candidate),
    signingKeys: (keyIds) =>
      [...new Set(keyIds)]
        .sort()
        .flatMap((id) => q.signingKey.all(id))
        .map(toSigningKey),
    putCheckpoint: (cp) => putCheckpoint.immediate(cp),
    getCheckpoint: checkpointAt,
    listCheckpoints: (spaceId, afterSize, limit) => {
      const rows = q.checkpoints.all(spaceId, afterSize, limit);
      if (rows.length === 0) return [];
      const cosigned = new Map<number, Cosignature[]>();
      for (const c of q.cosignaturesIn.all(spaceId, Number(rows[0]!.size), Number(rows.at(-1)!.size))) {
        const list = cosigned.get(Number(c.size)) ?? [];
        list.push(toCosignature(c));
        cosigned.set(Number(c.size), list);
      }
      return rows.map((r) => toCheckpoint(r, cosigned.get(Number(r.size)) ?? []));
    },
    addCosignature: (spaceId, size, c) =>
      q.insertCosignature.run(spaceId, size, c.keyId, c.signature, c.accountId, c.at).changes === 1,
  };
}

import type postgres from 'postgres';
import { MerkleFrontier, type FrontierState } from '../../../shared/ledger/merkle';
import type { RecordFields } from '../../../shared/sync/merge';
import { type BlockRoot, hashLog } from '../../ledger/hash-log';
import {
  type ChangeRow,
  type CheckpointRow,
  type CosignatureRow,
  type RecordRow,
  toCheckpoint,
  toCosignature,
  toEntry,
  toSigningKey,
  toState,
} from '../rows';
import type { Cosignature, ServerKey, StoredCheckpoint, SyncStore } from '../types';
import type { Db } from './db';

const PAGE = 5000;

/** Writes leaf hashes by seq: one array per column, whatever their number. */
export async function setLeafHashes(db: Db, spaceId: string, seqs: number[], hashes: Uint8Array[]): Promise<void> {
  if (seqs.length === 0) return;
  await db`
    UPDATE changes SET leaf_hash = h.hash
    FROM unnest(${seqs}::bigint[], ${hashes.map((h) => Buffer.from(h))}::bytea[]) AS h(seq, hash)
    WHERE changes.space_id = ${spaceId} AND changes.seq = h.seq`;
}

export async function insertBlockRoots(db: Db, spaceId: string, blocks: BlockRoot[]): Promise<void> {
  if (blocks.length === 0) return;
  await db`
    INSERT INTO ledger_blocks (space_id, block, root)
    SELECT ${spaceId}, * FROM unnest(${blocks.map((b) => b.index)}::bigint[], ${blocks.map((b) => Buffer.from(b.root))}::bytea[])`;
}

export async function writeFrontier(db: Db, spaceId: string, frontier: FrontierState): Promise<void> {
  await db`
    INSERT INTO ledgers (space_id, size, nodes) VALUES (${spaceId}, ${frontier.size}, ${JSON.stringify(frontier.nodes)})
    ON CONFLICT (space_id) DO UPDATE SET size = excluded.size, nodes = excluded.nodes`;
}

export async function readFrontier(db: Db, spaceId: string): Promise<FrontierState> {
  const [row] = await db<
    { size: string; nodes: string }[]
  >`SELECT size, nodes FROM ledgers WHERE space_id = ${spaceId}`;
  return row ? { size: Number(row.size), nodes: JSON.parse(row.nodes) as string[] } : { size: 0, nodes: [] };
}

/**
 * Migration 3's work in code: hashes every space's existing log into its leaf hashes and frontier, a page at a
 * time, inside the migration's transaction (under the migration lock: no push runs meanwhile).
 */
export async function backfillLedgers(tx: Db): Promise<void> {
  const spaces = await tx<{ space_id: string }[]>`SELECT DISTINCT space_id FROM changes`;
  for (const { space_id: spaceId } of spaces) {
    const frontier = new MerkleFrontier();
    for (;;) {
      const rows = await tx<ChangeRow[]>`
        SELECT * FROM changes WHERE space_id = ${spaceId} AND seq > ${frontier.size} ORDER BY seq LIMIT ${PAGE}`;
      const entries = rows.map(toEntry);
      const { hashes, blocks } = hashLog(entries, frontier);
      await insertBlockRoots(tx, spaceId, blocks);
      await setLeafHashes(
        tx,
        spaceId,
        entries.map((e) => e.seq),
        hashes,
      );
      if (rows.length < PAGE) break;
    }
    await writeFrontier(tx, spaceId, frontier.state());
  }
}

const cosignatureRows = (db: Db, spaceId: string, from: number, to: number) => db<CosignatureRow[]>`
  SELECT size, key_id, signature, account_id, at FROM cosignatures
  WHERE space_id = ${spaceId} AND size >= ${from} AND size <= ${to} ORDER BY size, at, key_id`;

async function checkpointAt(db: Db, spaceId: string, size: number): Promise<StoredCheckpoint | null> {
  const [row] = await db<CheckpointRow[]>`SELECT * FROM checkpoints WHERE space_id = ${spaceId} AND size = ${size}`;
  if (!row) return null;
  return toCheckpoint(row, (await cosignatureRows(db, spaceId, size, size)).map(cosig));
}

const cosig = toCosignature;

async function readServerKey(db: Db): Promise<ServerKey | null> {
  const [row] = await db<{ key_id: string; public_key: string; created_at: string; private_key: Buffer }[]>`
    SELECT k.key_id, k.public_key, k.created_at, s.private_key FROM server_key s
    JOIN signing_keys k ON k.key_id = s.key_id WHERE s.id = 1`;
  return row
    ? {
        keyId: row.key_id,
        publicKey: row.public_key,
        createdAt: row.created_at,
        privateKey: new Uint8Array(row.private_key),
      }
    : null;
}

type LedgerPart = Pick<
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
>;

/** The verifiable log's reads and writes outside pushes (pushes move the frontier: ./change-log.ts). */
export function ledgerPart(sql: postgres.Sql): LedgerPart {
  return {
    readRecord: async (spaceId, table, id) => {
      const [row] = await sql<RecordRow[]>`
        SELECT tbl, record_id, fields FROM records WHERE space_id = ${spaceId} AND tbl = ${table} AND record_id = ${id}`;
      if (!row) return null;
      const fields = JSON.parse(row.fields) as RecordFields;
      const replicas = [...new Set(Object.values(fields).map((f) => f.replicaId ?? f.hlc.slice(19)))];
      const owners = new Map<string, string>();
      const found = await sql<{ replica_id: string; user_id: string }[]>`
        SELECT replica_id, user_id FROM replicas WHERE replica_id = ANY(${replicas}::text[])`;
      for (const o of found) owners.set(o.replica_id, o.user_id);
      return toState(row, fields, (r) => owners.get(r) ?? null);
    },
    ledgerHead: async (spaceId) => {
      const frontier = await readFrontier(sql, spaceId);
      return { frontier, checkpoint: frontier.size > 0 ? await checkpointAt(sql, spaceId, frontier.size) : null };
    },
    readLeafHashes: async (spaceId, from, to) => {
      if (to <= from) return [];
      const rows = await sql<{ leaf_hash: Buffer | null }[]>`
        SELECT leaf_hash FROM changes WHERE space_id = ${spaceId} AND seq > ${from} AND seq <= ${to} ORDER BY seq`;
      if (rows.length !== to - from || rows.some((r) => r.leaf_hash === null || r.leaf_hash.length !== 32)) {
        throw new Error(`space ${spaceId} lacks leaf hashes in ${from}..${to}`);
      }
      return rows.map((r) => r.leaf_hash!);
    },
    readBlockRoots: async (spaceId, from, to) => {
      if (to <= from) return [];
      const rows = await sql<{ root: Buffer }[]>`
        SELECT root FROM ledger_blocks WHERE space_id = ${spaceId} AND block >= ${from} AND block < ${to} ORDER BY block`;
      if (rows.length !== to - from) throw new Error(`space ${spaceId} lacks block roots in ${from}..${to}`);
      return rows.map((r) => r.root);
    },
    // Several processes may start at once on an empty database: the first insert wins, the others wait on its row
    // and then read it back.
    ensureServerKey: (candidate) =>
      sql.begin(async (tx) => {
        const there = await readServerKey(tx);
        if (there) return there;
        await tx`
          INSERT INTO signing_keys (key_id, public_key, created_at)
          VALUES (${candidate.keyId}, ${candidate.publicKey}, ${candidate.createdAt}) ON CONFLICT DO NOTHING`;
        await tx`
          INSERT INTO server_key (id, key_id, private_key) VALUES (1, ${candidate.keyId}, ${Buffer.from(candidate.privateKey)})
          ON CONFLICT (id) DO NOTHING`;
        const kept = (await readServerKey(tx))!;
        // Another process's key won: this one's public part, just added, names nothing.
        if (kept.keyId !== candidate.keyId) await tx`DELETE FROM signing_keys WHERE key_id = ${candidate.keyId}`;
        return kept;
      }),
    signingKeys: async (keyIds) => {
      const rows = await sql<{ key_id: string; public_key: string; created_at: string }[]>`
        SELECT key_id, public_key, created_at FROM signing_keys WHERE key_id = ANY(${[...new Set(keyIds)]}::text[])
        ORDER BY key_id`;
      return rows.map(toSigningKey);
    },
    putCheckpoint: async (cp) => {
      await sql`
        INSERT INTO checkpoints (space_id, size, root, time, key_id, signature)
        VALUES (${cp.space}, ${cp.size}, ${cp.root}, ${cp.time}, ${cp.keyId}, ${cp.signature})
        ON CONFLICT (space_id, size) DO NOTHING`;
      return (await checkpointAt(sql, cp.space, cp.size))!;
    },
    getCheckpoint: (spaceId, size) => checkpointAt(sql, spaceId, size),
    listCheckpoints: async (spaceId, afterSize, limit) => {
      const rows = await sql<CheckpointRow[]>`
        SELECT * FROM checkpoints WHERE space_id = ${spaceId} AND size > ${afterSize} ORDER BY size LIMIT ${limit}`;
      if (rows.length === 0) return [];
      const cosigned = new Map<number, Cosignature[]>();
      for (const c of await cosignatureRows(sql, spaceId, Number(rows[0]!.size), Number(rows.at(-1)!.size))) {
        const list = cosigned.get(Number(c.size)) ?? [];
        list.push(cosig(c));
        cosigned.set(Number(c.size), list);
      }
      return rows.map((r) => toCheckpoint(r, cosigned.get(Number(r.size)) ?? []));
    },
    addCosignature: async (spaceId, size, c) => {
      const done = await sql`
        INSERT INTO cosignatures (space_id, size, key_id, signature, account_id, at)
        VALUES (${spaceId}, ${size}, ${c.keyId}, ${c.signature}, ${c.accountId}, ${c.at}) ON CONFLICT DO NOTHING`;
      return done.count === 1;
    },
  };
}

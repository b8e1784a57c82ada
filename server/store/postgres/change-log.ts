import type postgres from 'postgres';
import { recordKey, type RecordFields } from '../../../shared/sync/merge';
import {
  type AckRow,
  type ChangeRow,
  type ConflictRow,
  json,
  type RecordRow,
  replicaOf,
  toAck,
  toConflict,
  toEntry,
  toState,
} from '../rows';
import type { StoredRecord, SyncTx } from '../tx';
import type { SyncStore } from '../types';
import type { Db } from './db';
import { insertBlockRoots, readFrontier, writeFrontier } from './ledger';

/** Rows per multi-row insert: PostgreSQL binds at most 65,535 parameters in one statement. */
const CHUNK = 2000;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

async function lastAckOf(db: Db, spaceId: string, replicaId: string, authorId: string) {
  const [row] = await db<AckRow[]>`
    SELECT seq, server_seq, conflicts FROM acks
    WHERE space_id = ${spaceId} AND replica_id = ${replicaId} AND author_id = ${authorId}
    ORDER BY seq DESC LIMIT 1`;
  return row ? toAck(row) : null;
}

/**
 * A push's primitives over one PostgreSQL transaction (see server/store/tx.ts). The space's `space_seq` row,
 * locked FOR UPDATE first, queues pushes to one space from every process: the seqs a push takes from it are
 * contiguous and never taken twice, and the retry check and use it reads cannot race another push.
 */
export function txPrimitives(db: Db): SyncTx {
  return {
    lockSpace: async (spaceId) => {
      const locked = await db`SELECT next_seq FROM space_seq WHERE space_id = ${spaceId} FOR UPDATE`;
      if (locked.length > 0) return;
      // A space made before its counter row existed: the row is made, then locked (a racing push waits on it).
      await db`INSERT INTO space_seq (space_id) VALUES (${spaceId}) ON CONFLICT (space_id) DO NOTHING`;
      await db`SELECT next_seq FROM space_seq WHERE space_id = ${spaceId} FOR UPDATE`;
    },
    lastAck: (spaceId, replicaId, authorId) => lastAckOf(db, spaceId, replicaId, authorId),
    ackOf: async (spaceId, replicaId, authorId, seq) => {
      const [row] = await db<AckRow[]>`
        SELECT seq, server_seq, conflicts FROM acks
        WHERE space_id = ${spaceId} AND replica_id = ${replicaId} AND author_id = ${authorId} AND seq = ${seq}`;
      return row ? toAck(row) : null;
    },
    nextSeqs: async (spaceId, n) => {
      const [row] = await db<{ first: string }[]>`
        UPDATE space_seq SET next_seq = next_seq + ${n} WHERE space_id = ${spaceId} RETURNING next_seq - ${n} AS first`;
      if (!row) throw new Error(`space ${spaceId} is not locked (lockSpace first)`);
      return Number(row.first);
    },
    readRecords: async (spaceId, keys) => {
      const found = new Map<string, StoredRecord>();
      if (keys.length === 0) return found;
      const rows = await db<RecordRow[]>`
        SELECT tbl, record_id, fields FROM records
        WHERE space_id = ${spaceId} AND (tbl, record_id) IN (
          SELECT * FROM unnest(${keys.map((k) => k.table)}::text[], ${keys.map((k) => k.id)}::text[]))`;
      for (const r of rows) {
        found.set(recordKey(r.tbl, r.record_id), { fields: JSON.parse(r.fields), bytes: Buffer.byteLength(r.fields) });
      }
      return found;
    },
    // One array per column, unnested into rows: 13 parameters whatever the batch's size. A multi-row VALUES binds 13
    // per change (13,000 for a 1,000-change push), and that insert and its commit took ≈ 1.3× as long.
    appendChanges: async (spaceId, entries) => {
      if (entries.length === 0) return;
      await db`
        INSERT INTO changes (space_id, seq, tbl, record_id, field, value, hlc, base, replica_id, batch_seq,
                             author_id, author_name, received_at, leaf_hash)
        SELECT ${spaceId}, * FROM unnest(
          ${entries.map((e) => e.seq)}::bigint[], ${entries.map((e) => e.table)}::text[],
          ${entries.map((e) => e.id)}::text[], ${entries.map((e) => e.field)}::text[],
          ${entries.map((e) => json(e.value))}::text[], ${entries.map((e) => e.hlc)}::text[],
          ${entries.map((e) => e.base ?? null)}::text[], ${entries.map((e) => e.replicaId)}::text[],
          ${entries.map((e) => e.batchSeq)}::bigint[], ${entries.map((e) => e.authorId)}::text[],
          ${entries.map((e) => e.author)}::text[], ${entries.map((e) => e.receivedAt)}::text[],
          ${entries.map((e) => Buffer.from(e.leafHash))}::bytea[])`;
    },
    upsertRecords: async (spaceId, records) => {
      for (const part of chunks(records)) {
        const rows = part.map((r) => ({ space_id: spaceId, tbl: r.table, record_id: r.id, fields: r.json }));
        await db`
          INSERT INTO records ${db(rows)}
          ON CONFLICT (space_id, tbl, record_id) DO UPDATE SET fields = excluded.fields`;
      }
    },
    insertConflicts: async (spaceId, conflicts) => {
      for (const part of chunks(conflicts)) {
        const rows = part.map((c) => ({
          space_id: spaceId,
          seq: c.seq,
          tbl: c.table,
          record_id: c.id,
          field: c.field,
          winner_value: json(c.winner.value),
          winner_hlc: c.winner.hlc,
          lost_value: json(c.lost.value),
          lost_hlc: c.lost.hlc,
          detected_at: c.detectedAt,
        }));
        await db`INSERT INTO conflicts ${db(rows)}`;
      }
    },
    usage: async (spaceId) => {
      const [row] = await db<{ records: string; bytes: string }[]>`
        SELECT records, bytes FROM space_usage WHERE space_id = ${spaceId}`;
      return row ? { records: Number(row.records), bytes: Number(row.bytes) } : { records: 0, bytes: 0 };
    },
    addUsage: async (spaceId, delta) => {
      await db`
        INSERT INTO space_usage (space_id, records, bytes) VALUES (${spaceId}, ${delta.records}, ${delta.bytes})
        ON CONFLICT (space_id) DO UPDATE
        SET records = space_usage.records + excluded.records, bytes = space_usage.bytes + excluded.bytes`;
    },
    insertAck: async (spaceId, replicaId, authorId, ack, receivedAt) => {
      await db`
        INSERT INTO acks (space_id, replica_id, author_id, seq, server_seq, conflicts, received_at)
        VALUES (${spaceId}, ${replicaId}, ${authorId}, ${ack.ackedSeq}, ${ack.serverSeq}, ${ack.conflicts},
                ${receivedAt})`;
    },
    readFrontier: (spaceId) => readFrontier(db, spaceId),
    writeFrontier: (spaceId, frontier) => writeFrontier(db, spaceId, frontier),
    appendBlockRoots: (spaceId, blocks) => insertBlockRoots(db, spaceId, blocks),
    replicaOwners: async (replicaIds) => {
      const owners = new Map<string, string>();
      if (replicaIds.length === 0) return owners;
      const rows = await db<{ replica_id: string; user_id: string }[]>`
        SELECT replica_id, user_id FROM replicas WHERE replica_id = ANY(${[...new Set(replicaIds)]}::text[])`;
      for (const r of rows) owners.set(r.replica_id, r.user_id);
      return owners;
    },
  };
}

type ChangeLogPart = Pick<
  SyncStore,
  'transaction' | 'lastSeq' | 'readLog' | 'readRecords' | 'listConflicts' | 'lastAck'
>;

/** Pushes (one transaction each, over `txPrimitives`) and reading the log, the merged records and conflicts. */
export function changeLogPart(sql: postgres.Sql): ChangeLogPart {
  return {
    transaction: async <T>(work: (tx: SyncTx) => Promise<T>): Promise<T> => {
      // The primitives run on this transaction only; once it has ended they refuse.
      let open = true;
      const result = await sql.begin(async (db) => {
        const inner = txPrimitives(db);
        const guarded = Object.fromEntries(
          Object.entries(inner).map(([name, fn]) => [
            name,
            (...args: unknown[]) =>
              open
                ? (fn as (...a: unknown[]) => Promise<unknown>)(...args)
                : Promise.reject(new Error('transaction ended')),
          ]),
        ) as unknown as SyncTx;
        try {
          return [await work(guarded)];
        } finally {
          open = false;
        }
      });
      return result[0] as T;
    },
    lastSeq: async (spaceId) => {
      const [row] = await sql<{ seq: string }[]>`
        SELECT COALESCE(MAX(seq), 0) AS seq FROM changes WHERE space_id = ${spaceId}`;
      return Number(row!.seq);
    },
    readLog: async (spaceId, afterSeq, limit) => {
      const rows = await sql<ChangeRow[]>`
        SELECT * FROM changes WHERE space_id = ${spaceId} AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`;
      return rows.map(toEntry);
    },
    readRecords: async (spaceId, after, limit) => {
      const rows = await sql<RecordRow[]>`
        SELECT tbl, record_id, fields FROM records
        WHERE space_id = ${spaceId} AND (tbl, record_id) > (${after?.table ?? ''}, ${after?.id ?? ''})
        ORDER BY tbl, record_id LIMIT ${limit}`;
      const parsed = rows.map((r) => ({ r, fields: JSON.parse(r.fields) as RecordFields }));
      // Each field's author is the user its writing replica belongs to: the page's replicas are looked up at once.
      const replicas = [...new Set(parsed.flatMap(({ fields }) => Object.values(fields).map(replicaOf)))];
      const owners = new Map<string, string>();
      if (replicas.length > 0) {
        const found = await sql<{ replica_id: string; user_id: string }[]>`
          SELECT replica_id, user_id FROM replicas WHERE replica_id = ANY(${replicas}::text[])`;
        for (const o of found) owners.set(o.replica_id, o.user_id);
      }
      return parsed.map(({ r, fields }) => toState(r, fields, (replica) => owners.get(replica) ?? null));
    },
    listConflicts: async (spaceId) => {
      const rows = await sql<ConflictRow[]>`
        SELECT * FROM conflicts WHERE space_id = ${spaceId} ORDER BY seq, id`;
      return rows.map(toConflict);
    },
    lastAck: (spaceId, replicaId, authorId) => lastAckOf(sql, spaceId, replicaId, authorId),
  };
}

import type Database from 'better-sqlite3';
import { applyChange, type RecordFields } from '../../../shared/sync/merge';
import type { Change, PushResponse, RecordState, SyncTable } from '../../../shared/sync/protocol';
import type { AuditEntry, Author, ConflictEntry, PushOutcome, SpaceUsage, SyncStore, UsageGuard } from '../types';
import type { Synchronous } from './promised';

type ChangeRow = {
  seq: number;
  tbl: SyncTable;
  record_id: string;
  field: string;
  value: string;
  hlc: string;
  base: string | null;
  replica_id: string;
  author_id: string;
  author_name: string;
  received_at: string;
};
type AckRow = { seq: number; server_seq: number; conflicts: number };
type ConflictRow = {
  seq: number;
  tbl: SyncTable;
  record_id: string;
  field: string;
  winner_value: string;
  winner_hlc: string;
  lost_value: string;
  lost_hlc: string;
  detected_at: string;
};

const json = (value: unknown) => JSON.stringify(value ?? null);
const toAck = (r: AckRow): PushResponse => ({ ackedSeq: r.seq, serverSeq: r.server_seq, conflicts: r.conflicts });
const toEntry = (r: ChangeRow): AuditEntry => ({
  seq: r.seq,
  table: r.tbl,
  id: r.record_id,
  field: r.field,
  value: JSON.parse(r.value),
  hlc: r.hlc,
  base: r.base,
  replicaId: r.replica_id,
  author: r.author_name,
  authorId: r.author_id,
  receivedAt: r.received_at,
});
/** A record as a snapshot shows it; each field's author is the user its writing replica belongs to. */
const toState = (
  r: { tbl: SyncTable; record_id: string; fields: string },
  ownerOf: (replicaId: string) => string | null,
): RecordState => ({
  table: r.tbl,
  id: r.record_id,
  fields: Object.fromEntries(
    Object.entries(JSON.parse(r.fields) as RecordFields).map(([k, f]) => [
      k,
      { value: f.value, hlc: f.hlc, authorId: ownerOf(f.replicaId ?? f.hlc.slice(19)) },
    ]),
  ),
});

/**
 * A statement whose LIMIT is written in, one per limit: a LIMIT bound as a parameter makes SQLite re-prepare the
 * statement on every run (the planner reads its value), which costs more than a small pull's whole query.
 */
function limited<P extends unknown[], R>(db: Database.Database, sql: string) {
  const byLimit = new Map<number, Database.Statement<P, R>>();
  return (limit: number) => {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`bad limit ${limit}`);
    let stmt = byLimit.get(limit);
    if (!stmt) byLimit.set(limit, (stmt = db.prepare<P, R>(`${sql} LIMIT ${limit}`)));
    return stmt;
  };
}

type SyncPart = Synchronous<
  Pick<
    SyncStore,
    'pushBatch' | 'lastSeq' | 'readLog' | 'readRecords' | 'listConflicts' | 'lastAck' | 'claimReplica' | 'spaceUsage'
  >
>;

/** The change log, the merged records, acks, conflicts and who each replica belongs to. */
export function syncPart(db: Database.Database): SyncPart {
  const q = {
    lastSeq: db.prepare<[string], { seq: number }>(
      'SELECT COALESCE(MAX(seq), 0) AS seq FROM changes WHERE space_id = ?',
    ),
    lastAck: db.prepare<[string, string, string], AckRow>(
      'SELECT * FROM acks WHERE space_id = ? AND replica_id = ? AND author_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    ack: db.prepare<[string, string, string, number], AckRow>(
      'SELECT * FROM acks WHERE space_id = ? AND replica_id = ? AND author_id = ? AND seq = ?',
    ),
    insertAck: db.prepare(
      'INSERT INTO acks (space_id, replica_id, author_id, seq, server_seq, conflicts, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertChange: db.prepare(
      `INSERT INTO changes (space_id, seq, tbl, record_id, field, value, hlc, base, replica_id, batch_seq, author_id, author_name, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    record: db.prepare<[string, string, string], { fields: string }>(
      'SELECT fields FROM records WHERE space_id = ? AND tbl = ? AND record_id = ?',
    ),
    upsertRecord: db.prepare(
      `INSERT INTO records (space_id, tbl, record_id, fields) VALUES (?, ?, ?, ?)
       ON CONFLICT (space_id, tbl, record_id) DO UPDATE SET fields = excluded.fields`,
    ),
    insertConflict: db.prepare(
      `INSERT INTO conflicts (space_id, seq, tbl, record_id, field, winner_value, winner_hlc, lost_value, lost_hlc, detected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    log: limited<[string, number], ChangeRow>(db, 'SELECT * FROM changes WHERE space_id = ? AND seq > ? ORDER BY seq'),
    records: limited<[string, string, string], { tbl: SyncTable; record_id: string; fields: string }>(
      db,
      `SELECT tbl, record_id, fields FROM records WHERE space_id = ? AND (tbl, record_id) > (?, ?)
       ORDER BY tbl, record_id`,
    ),
    conflicts: db.prepare<[string], ConflictRow>('SELECT * FROM conflicts WHERE space_id = ? ORDER BY seq, rowid'),
    bindReplica: db.prepare('INSERT OR IGNORE INTO replicas (replica_id, user_id, bound_at) VALUES (?, ?, ?)'),
    replicaOwner: db.prepare<[string], { user_id: string }>('SELECT user_id FROM replicas WHERE replica_id = ?'),
    usage: db.prepare<[string], SpaceUsage>(
      'SELECT record_count AS records, stored_bytes AS bytes FROM spaces WHERE id = ?',
    ),
    setUsage: db.prepare('UPDATE spaces SET record_count = ?, stored_bytes = ? WHERE id = ?'),
  };
  const lastSeq = (spaceId: string) => q.lastSeq.get(spaceId)!.seq;
  const spaceUsage = (spaceId: string): SpaceUsage => q.usage.get(spaceId) ?? { records: 0, bytes: 0 };

  const pushBatch = db.transaction(
    (
      spaceId: string,
      replicaId: string,
      seq: number,
      author: Author,
      changes: Change[],
      receivedAt: string,
      guard?: UsageGuard,
    ) => {
      const last = q.lastAck.get(spaceId, replicaId, author.id);
      if (last && seq <= last.seq) {
        return { ...toAck(q.ack.get(spaceId, replicaId, author.id, seq) ?? last), applied: false };
      }
      let serverSeq = lastSeq(spaceId);
      let conflicts = 0;
      // Records touched by this batch, read once and written once; `bytes` is the stored size before the batch.
      const touched = new Map<
        string,
        { table: string; id: string; fields: RecordFields | undefined; bytes: number; dirty: boolean }
      >();
      for (const change of changes) {
        serverSeq += 1;
        q.insertChange.run(
          ...[spaceId, serverSeq, change.table, change.id, change.field, json(change.value), change.hlc, change.base],
          ...[replicaId, seq, author.id, author.name, receivedAt],
        );
        const key = `${change.table}\u0000${change.id}`;
        let entry = touched.get(key);
        if (!entry) {
          const row = q.record.get(spaceId, change.table, change.id);
          const bytes = row ? Buffer.byteLength(row.fields) : 0;
          entry = { table: change.table, id: change.id, fields: row && JSON.parse(row.fields), bytes, dirty: false };
          touched.set(key, entry);
        }
        const result = applyChange(entry.fields, { ...change, replicaId });
        if (result.conflict) {
          conflicts += 1;
          const { kept, lost } = result.conflict;
          q.insertConflict.run(
            ...[spaceId, serverSeq, change.table, change.id, change.field, json(kept.value), kept.hlc],
            ...[json(lost.value), lost.hlc, receivedAt],
          );
        }
        if (result.changed) {
          entry.fields = result.fields;
          entry.dirty = true;
        }
      }
      // The space's use after the batch, from the running total and the touched records only.
      const before = spaceUsage(spaceId);
      const after = { ...before };
      const writes: [string, string, string][] = [];
      for (const entry of touched.values()) {
        if (!entry.dirty) continue;
        const stored = JSON.stringify(entry.fields);
        if (entry.bytes === 0) after.records += 1; // a stored record is at least `{}`: 0 means it is new
        after.bytes += Buffer.byteLength(stored) - entry.bytes;
        writes.push([entry.table, entry.id, stored]);
      }
      guard?.(after, before);
      for (const [table, id, stored] of writes) q.upsertRecord.run(spaceId, table, id, stored);
      q.setUsage.run(after.records, after.bytes, spaceId);
      q.insertAck.run(spaceId, replicaId, author.id, seq, serverSeq, conflicts, receivedAt);
      return { ackedSeq: seq, serverSeq, conflicts, applied: true } satisfies PushOutcome;
    },
  );

  return {
    pushBatch: (...args) => pushBatch(...args),
    lastSeq,
    spaceUsage,
    readLog: (spaceId, afterSeq, limit) => q.log(limit).all(spaceId, afterSeq).map(toEntry),
    readRecords: (spaceId, after, limit) => {
      // A page names few replicas: each is looked up once.
      const owners = new Map<string, string | null>();
      const ownerOf = (replicaId: string) => {
        if (!owners.has(replicaId)) owners.set(replicaId, q.replicaOwner.get(replicaId)?.user_id ?? null);
        return owners.get(replicaId)!;
      };
      return q
        .records(limit)
        .all(spaceId, after?.table ?? '', after?.id ?? '')
        .map((r) => toState(r, ownerOf));
    },
    listConflicts: (spaceId) =>
      q.conflicts.all(spaceId).map((r): ConflictEntry => ({
        seq: r.seq,
        table: r.tbl,
        id: r.record_id,
        field: r.field,
        winner: { value: JSON.parse(r.winner_value), hlc: r.winner_hlc },
        lost: { value: JSON.parse(r.lost_value), hlc: r.lost_hlc },
        detectedAt: r.detected_at,
      })),
    claimReplica: (replicaId, userId, now) => {
      q.bindReplica.run(replicaId, userId, now);
      return q.replicaOwner.get(replicaId)?.user_id === userId;
    },
    lastAck: (spaceId, replicaId, authorId) => {
      const row = q.lastAck.get(spaceId, replicaId, authorId);
      return row ? toAck(row) : null;
    },
  };
}

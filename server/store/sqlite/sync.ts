import type Database from 'better-sqlite3';
import type { RecordFields } from '../../../shared/sync/merge';
import { type ChangeRow, type ConflictRow, type RecordRow, toConflict, toEntry, toState } from '../rows';
import type { SyncStore } from '../types';
import type { Synchronous } from './promised';

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

type SyncPart = Synchronous<Pick<SyncStore, 'lastSeq' | 'readLog' | 'readRecords' | 'listConflicts' | 'claimReplica'>>;

/** Reading the change log, the merged records and conflicts, and who each replica belongs to (pushes: ./batch.ts). */
export function syncPart(db: Database.Database): SyncPart {
  const q = {
    lastSeq: db.prepare<[string], { seq: number }>(
      'SELECT COALESCE(MAX(seq), 0) AS seq FROM changes WHERE space_id = ?',
    ),
    log: limited<[string, number], ChangeRow>(db, 'SELECT * FROM changes WHERE space_id = ? AND seq > ? ORDER BY seq'),
    records: limited<[string, string, string], RecordRow>(
      db,
      `SELECT tbl, record_id, fields FROM records WHERE space_id = ? AND (tbl, record_id) > (?, ?)
       ORDER BY tbl, record_id`,
    ),
    conflicts: db.prepare<[string], ConflictRow>('SELECT * FROM conflicts WHERE space_id = ? ORDER BY seq, rowid'),
    bindReplica: db.prepare('INSERT OR IGNORE INTO replicas (replica_id, user_id, bound_at) VALUES (?, ?, ?)'),
    replicaOwner: db.prepare<[string], { user_id: string }>('SELECT user_id FROM replicas WHERE replica_id = ?'),
  };
  return {
    lastSeq: (spaceId) => q.lastSeq.get(spaceId)!.seq,
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
        .map((r) => toState(r, JSON.parse(r.fields) as RecordFields, ownerOf));
    },
    listConflicts: (spaceId) => q.conflicts.all(spaceId).map(toConflict),
    claimReplica: (replicaId, userId, now) => {
      q.bindReplica.run(replicaId, userId, now);
      return q.replicaOwner.get(replicaId)?.user_id === userId;
    },
  };
}

import type Database from 'better-sqlite3';
import { recordKey } from '../../../shared/sync/merge';
import { type AckRow, json, toAck } from '../rows';
import type { SpaceUsage } from '../types';
import type { StoredRecord, SyncTx } from '../tx';
import { frontierReader } from './ledger';
import type { Synchronous } from './promised';

/**
 * A push's primitives over SQLite (see server/store/tx.ts), run inside the transaction `Gate.transaction` opened.
 * One writer at a time holds the database (BEGIN IMMEDIATE, and one connection per process), so the next seq is
 * simply the space's highest one plus one.
 */
export function batchPart(db: Database.Database): Synchronous<SyncTx> {
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
      `INSERT INTO changes (space_id, seq, tbl, record_id, field, value, hlc, base, replica_id, batch_seq, author_id, author_name, received_at, leaf_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    usage: db.prepare<[string], SpaceUsage>(
      'SELECT record_count AS records, stored_bytes AS bytes FROM spaces WHERE id = ?',
    ),
    addUsage: db.prepare(
      'UPDATE spaces SET record_count = record_count + ?, stored_bytes = stored_bytes + ? WHERE id = ?',
    ),
    writeFrontier: db.prepare(
      `INSERT INTO ledgers (space_id, size, nodes) VALUES (?, ?, ?)
       ON CONFLICT (space_id) DO UPDATE SET size = excluded.size, nodes = excluded.nodes`,
    ),
    replicaOwner: db.prepare<[string], { user_id: string }>('SELECT user_id FROM replicas WHERE replica_id = ?'),
    insertBlock: db.prepare('INSERT INTO ledger_blocks (space_id, block, root) VALUES (?, ?, ?)'),
  };
  const readFrontier = frontierReader(db);

  return {
    lockSpace: () => {}, // the transaction's BEGIN IMMEDIATE holds the whole database's write lock
    lastAck: (spaceId, replicaId, authorId) => {
      const row = q.lastAck.get(spaceId, replicaId, authorId);
      return row ? toAck(row) : null;
    },
    ackOf: (spaceId, replicaId, authorId, seq) => {
      const row = q.ack.get(spaceId, replicaId, authorId, seq);
      return row ? toAck(row) : null;
    },
    nextSeqs: (spaceId) => q.lastSeq.get(spaceId)!.seq + 1,
    readRecords: (spaceId, keys) => {
      const found = new Map<string, StoredRecord>();
      for (const { table, id } of keys) {
        const row = q.record.get(spaceId, table, id);
        if (row)
          found.set(recordKey(table, id), { fields: JSON.parse(row.fields), bytes: Buffer.byteLength(row.fields) });
      }
      return found;
    },
    appendChanges: (spaceId, entries) => {
      for (const e of entries) {
        q.insertChange.run(
          ...[spaceId, e.seq, e.table, e.id, e.field, json(e.value), e.hlc, e.base, e.replicaId, e.batchSeq],
          ...[e.authorId, e.author, e.receivedAt, Buffer.from(e.leafHash)],
        );
      }
    },
    upsertRecords: (spaceId, records) => {
      for (const r of records) q.upsertRecord.run(spaceId, r.table, r.id, r.json);
    },
    insertConflicts: (spaceId, conflicts) => {
      for (const c of conflicts) {
        q.insertConflict.run(
          ...[spaceId, c.seq, c.table, c.id, c.field, json(c.winner.value), c.winner.hlc],
          ...[json(c.lost.value), c.lost.hlc, c.detectedAt],
        );
      }
    },
    usage: (spaceId) => q.usage.get(spaceId) ?? { records: 0, bytes: 0 },
    addUsage: (spaceId, delta) => void q.addUsage.run(delta.records, delta.bytes, spaceId),
    insertAck: (spaceId, replicaId, authorId, ack, receivedAt) =>
      void q.insertAck.run(spaceId, replicaId, authorId, ack.ackedSeq, ack.serverSeq, ack.conflicts, receivedAt),
    readFrontier,
    writeFrontier: (spaceId, frontier) =>
      void q.writeFrontier.run(spaceId, frontier.size, JSON.stringify(frontier.nodes)),
    appendBlockRoots: (spaceId, blocks) => {
      for (const b of blocks) q.insertBlock.run(spaceId, b.index, Buffer.from(b.root));
    },
    replicaOwners: (replicaIds) => {
      const owners = new Map<string, string>();
      for (const id of new Set(replicaIds)) {
        const row = q.replicaOwner.get(id);
        if (row) owners.set(id, row.user_id);
      }
      return owners;
    },
  };
}

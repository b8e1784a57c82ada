import type { FrontierState } from '../../shared/ledger/merkle';
import type { BlockRoot } from '../ledger/hash-log';
import type { RecordFields } from '../../shared/sync/merge';
import type { PushResponse, SyncTable } from '../../shared/sync/protocol';
import type { AuditEntry, ConflictEntry, SpaceUsage } from './types';

/** A record of a space, as a push names it. */
export type RecordKey = { table: SyncTable; id: string };

/**
 * A change as the log keeps it: its audit line plus the seq of the batch it came in, and its Merkle leaf hash
 * (shared/ledger/log-leaf.ts: of the audit line only).
 */
export type LogEntry = AuditEntry & { batchSeq: number; leafHash: Uint8Array };

/** A record as a push reads it: its merged fields, and their stored size (UTF-8 bytes of their JSON). */
export type StoredRecord = { fields: RecordFields; bytes: number };

/** A record to write: its merged fields as the JSON text whose size the space's use counts. */
export type RecordWrite = RecordKey & { json: string };

/**
 * What a push does to the store, one primitive at a time, all inside one `SyncStore.transaction`: the batch logic
 * (retry check, merge, conflicts, use, ack) lives in server/sync/apply-batch.ts and is the same over every store.
 * Every primitive is scoped to one space; none of them commits.
 */
export interface SyncTx {
  /**
   * Holds the space's pushes off until this transaction ends, so the retry check, the seqs and the use it reads
   * next cannot race another process's push to the same space (SQLite: its write lock already does; PostgreSQL:
   * the space's counter row, FOR UPDATE). Called first.
   */
  lockSpace(spaceId: string): Promise<void>;
  /** The last ack given to a replica of this author in the space, or null. */
  lastAck(spaceId: string, replicaId: string, authorId: string): Promise<PushResponse | null>;
  /** The ack given to one batch (by its seq) of that replica and author, or null. */
  ackOf(spaceId: string, replicaId: string, authorId: string, seq: number): Promise<PushResponse | null>;
  /**
   * Takes `n` server seqs for the space: the first one comes back, and the batch's changes are logged as first …
   * first + n - 1, right after the last one used: no gap, no duplicate, even with several processes. With n = 0 it
   * gives the last seq + 1 and takes nothing. Called once per transaction, and the seqs go to `appendChanges`.
   */
  nextSeqs(spaceId: string, n: number): Promise<number>;
  /** The stored records among `keys` (absent ones are left out), keyed by `recordKey(table, id)`. */
  readRecords(spaceId: string, keys: RecordKey[]): Promise<Map<string, StoredRecord>>;
  /** Appends changes to the space's log, each under its own seq, with its leaf hash. */
  appendChanges(spaceId: string, entries: LogEntry[]): Promise<void>;
  /** Writes records (inserted, or replacing the stored ones). */
  upsertRecords(spaceId: string, records: RecordWrite[]): Promise<void>;
  insertConflicts(spaceId: string, conflicts: ConflictEntry[]): Promise<void>;
  /** The space's use as kept by the running total (zero for a space without records). */
  usage(spaceId: string): Promise<SpaceUsage>;
  /** Moves the running total by `delta` (its records and bytes added, either may be negative). */
  addUsage(spaceId: string, delta: SpaceUsage): Promise<void>;
  insertAck(spaceId: string, replicaId: string, authorId: string, ack: PushResponse, receivedAt: string): Promise<void>;
  /** The space's Merkle frontier (size 0, no nodes, before its first change). */
  readFrontier(spaceId: string): Promise<FrontierState>;
  /** Replaces the space's Merkle frontier (its size is the log's: the last seq logged). */
  writeFrontier(spaceId: string, frontier: FrontierState): Promise<void>;
  /** Stores the roots of blocks of leaves the batch completed (server/ledger/hash-log.ts). */
  appendBlockRoots(spaceId: string, blocks: BlockRoot[]): Promise<void>;
  /** The users these replicas are bound to (unbound ones are left out). */
  replicaOwners(replicaIds: string[]): Promise<Map<string, string>>;
}

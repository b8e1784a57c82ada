import type { RecordFields } from '../../shared/sync/merge';
import type { PushResponse, RecordState, Role, SyncTable } from '../../shared/sync/protocol';
import type { AuditEntry, ConflictEntry, Cosignature, MembershipEvent, SigningKey, StoredCheckpoint } from './types';

/**
 * The change log's and the membership trail's rows as both stores keep them (the same columns on SQLite and PostgreSQL), and how they read back.
 * PostgreSQL returns its bigint seqs as strings: `Seq` takes either.
 */
type Seq = number | string;
export type AckRow = { seq: Seq; server_seq: Seq; conflicts: number };
export type ChangeRow = {
  seq: Seq;
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
export type ConflictRow = {
  seq: Seq;
  tbl: SyncTable;
  record_id: string;
  field: string;
  winner_value: string;
  winner_hlc: string;
  lost_value: string;
  lost_hlc: string;
  detected_at: string;
};
export type RecordRow = { tbl: SyncTable; record_id: string; fields: string };

/** Values are kept as JSON text, the same on both stores (a space's use in bytes is that text's size). */
export const json = (value: unknown) => JSON.stringify(value ?? null);

export const toAck = (r: AckRow): PushResponse => ({
  ackedSeq: Number(r.seq),
  serverSeq: Number(r.server_seq),
  conflicts: r.conflicts,
});

export const toEntry = (r: ChangeRow): AuditEntry => ({
  seq: Number(r.seq),
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

export const toConflict = (r: ConflictRow): ConflictEntry => ({
  seq: Number(r.seq),
  table: r.tbl,
  id: r.record_id,
  field: r.field,
  winner: { value: JSON.parse(r.winner_value), hlc: r.winner_hlc },
  lost: { value: JSON.parse(r.lost_value), hlc: r.lost_hlc },
  detectedAt: r.detected_at,
});

/** The replica that wrote a field: kept with it by the server's merge, else the end of its stamp. */
export const replicaOf = (f: RecordFields[string]) => f.replicaId ?? f.hlc.slice(19);

/** A record as a snapshot shows it; each field's author is the user its writing replica belongs to. */
export const toState = (
  r: RecordRow,
  fields: RecordFields,
  ownerOf: (replicaId: string) => string | null,
): RecordState => ({
  table: r.tbl,
  id: r.record_id,
  fields: Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [k, { value: f.value, hlc: f.hlc, authorId: ownerOf(replicaOf(f)) }]),
  ),
});

/** A membership trail entry read with its actor's and subject's names. */
export type EventRow = {
  at: string;
  action: MembershipEvent['action'];
  actor_id: string;
  actor_name: string;
  subject_id: string;
  subject_name: string;
  role_before: Role | null;
  role_after: Role | null;
};

export const toEvent = (r: EventRow): MembershipEvent => ({
  at: r.at,
  action: r.action,
  actorId: r.actor_id,
  actorName: r.actor_name,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  roleBefore: r.role_before,
  roleAfter: r.role_after,
});

/** The verifiable log's rows (checkpoints, co-signatures, signing keys), the same on both stores. */
export type CheckpointRow = {
  space_id: string;
  size: Seq;
  root: string;
  time: string;
  key_id: string;
  signature: string;
};
export type CosignatureRow = { size: Seq; key_id: string; signature: string; account_id: string; at: string };
export type KeyRow = { key_id: string; public_key: string; created_at: string };

export const toCosignature = (r: CosignatureRow): Cosignature => ({
  keyId: r.key_id,
  signature: r.signature,
  accountId: r.account_id,
  at: r.at,
});
export const toCheckpoint = (r: CheckpointRow, cosignatures: Cosignature[]): StoredCheckpoint => ({
  space: r.space_id,
  size: Number(r.size),
  root: r.root,
  time: r.time,
  keyId: r.key_id,
  signature: r.signature,
  cosignatures,
});
export const toSigningKey = (r: KeyRow): SigningKey => ({
  keyId: r.key_id,
  publicKey: r.public_key,
  createdAt: r.created_at,
});

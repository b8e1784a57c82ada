import { z } from 'zod';
import { Id, Instant } from '../domain/common';
import { SignedCheckpoint } from '../ledger/checkpoint';
import { HLC_PATTERN } from './constants';

/**
 * Docket's sync protocol, version 1: the messages both sides validate. Written down in docs/sync-protocol.md.
 * A change sets ONE top-level field of ONE record; a record is created by setting its fields and deleted by a
 * tombstone (field `_deleted`, value `true`). Merge is last-writer-wins per field by hybrid logical clock.
 */
export const PROTOCOL_VERSION = 1;

/** The tables that sync. History is not a table here: every replica derives it from the changes it applies. */
export const SyncTable = z.enum(['clients', 'meetings', 'vendors', 'contracts', 'items', 'captures', 'devices']);
export type SyncTable = z.infer<typeof SyncTable>;

export { TOMBSTONE } from './constants';

/** Hybrid logical clock stamp: `<13-digit ms>:<4-digit counter>:<replica id>`; compares as a string. */
export const Hlc = z.string().regex(HLC_PATTERN, 'not a hybrid logical clock stamp');
export type Hlc = z.infer<typeof Hlc>;

export const FieldName = z.string().regex(/^(_deleted|[A-Za-z][A-Za-z0-9]{0,63})$/, 'not a field name');

/** A replica's id, as it ends every stamp it makes: 1–64 letters, digits and dashes (Docket makes a UUIDv7). */
export const ReplicaId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'a replica id is 1–64 letters, digits and dashes (a UUID fits)');

/**
 * A record's id as a push may send it: 1–100 letters, digits and `-_.@`, starting with a letter or digit. Docket
 * makes UUIDv7 ids, and `<client id>@<YYYY-MM-DD>` for meetings planned by a cadence.
 */
export const RecordId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/,
    'a record id is 1–100 letters, digits and "-_.@", starting with a letter or digit',
  );

export const Change = z.object({
  table: SyncTable,
  id: Id,
  field: FieldName,
  /** JSON value of the field; checked against the table's schema for that field when applied. */
  value: z.unknown(),
  hlc: Hlc,
  /** The stamp of the value this replica had when it wrote (null: it had none). A different current stamp on
   * arrival means the write was concurrent with another: the losing value is kept, never dropped. */
  base: Hlc.nullable(),
});
export type Change = z.infer<typeof Change>;

/** A replica's outbox goes up in batches numbered by the replica (its op sequence); a batch is applied whole or not at all. */
export const PushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Bound to the first user who pushes it; every change's stamp must end with it. */
  replicaId: ReplicaId,
  seq: z.number().int().positive(),
  changes: z
    .array(Change.extend({ id: RecordId }))
    .min(1)
    .max(1000),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Retrying a batch already applied changes nothing and is acked the same way. */
export const PushResponse = z.object({
  ackedSeq: z.number().int().nonnegative(),
  /** Server sequence of the last change in the space after this push. */
  serverSeq: z.number().int().nonnegative(),
  /** Changes that lost to a concurrent write; their values are kept in history on every replica. */
  conflicts: z.number().int().nonnegative(),
  /**
   * The space's signed checkpoint at its size after this push (a retry: its size now); optional, so answers of
   * servers before the verifiable log still parse. See docs/sync-protocol.md, "Verifiable log".
   */
  checkpoint: SignedCheckpoint.optional(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * A change as the server logged it: its place in the space's log, who sent it and when it arrived. `authorId` is the
 * account the server authenticated for the push (never a name a client sent): show history by it, resolved through
 * the members list, so a rename does not rewrite history. `author` is that account's display name when it pushed.
 */
export const LoggedChange = Change.extend({
  seq: z.number().int().positive(),
  replicaId: Id,
  authorId: Id,
  author: z.string(),
  receivedAt: Instant,
});
export type LoggedChange = z.infer<typeof LoggedChange>;

export const PullResponse = z.object({
  changes: z.array(LoggedChange),
  /** Opaque: pass it back to get what came after. */
  cursor: z.string(),
  more: z.boolean(),
  /** The space's signed checkpoint at its size when the page was read (absent while its log is empty). */
  checkpoint: SignedCheckpoint.optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * The merged current state of one record: each field's winning value, its stamp, and the account that wrote it
 * (the user its replica belongs to; null only for a write older than replica binding whose replica is unknown).
 */
export const RecordState = z.object({
  table: SyncTable,
  id: Id,
  fields: z.record(z.string(), z.object({ value: z.unknown(), hlc: Hlc, authorId: Id.nullable() })),
});
export type RecordState = z.infer<typeof RecordState>;

/** What a new replica starts from instead of replaying the whole log. Paged like a pull. */
export const SnapshotResponse = z.object({
  records: z.array(RecordState),
  /** Where to pull from once the snapshot is applied. */
  cursor: z.string(),
  /** Opaque page token for the next page of records, null on the last page. */
  next: z.string().nullable(),
  /** The space's signed checkpoint at its current size (absent while its log is empty). */
  checkpoint: SignedCheckpoint.optional(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

/** Stable error codes, mapped to HTTP statuses at the edge. */
export const ERROR_STATUS = {
  'bad-json': 400,
  'bad-request': 400,
  'unknown-table': 400,
  'unknown-field': 400,
  'wrong-type': 400,
  'bad-cursor': 400,
  'clock-skew': 400,
  'bad-stamp': 400,
  'blob-hash-mismatch': 400,
  'bad-signature': 400,
  unauthorized: 401,
  'token-revoked': 401,
  'token-expired': 401,
  forbidden: 403,
  removed: 403,
  'replica-not-yours': 403,
  'unknown-device': 403,
  'not-found': 404,
  'last-owner': 409,
  'name-taken': 409,
  'evidence-immutable': 409,
  'invite-expired': 410,
  'invite-used': 410,
  'too-large': 413,
  'quota-exceeded': 413,
  'blob-too-large': 413,
  'unsupported-media-type': 415,
  'blob-type': 415,
  'upgrade-required': 426,
  'rate-limited': 429,
  'server-error': 500,
  'store-unavailable': 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

export const ErrorBody = z.object({ error: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * What some errors carry besides `{ error, message }`: `removed` says who ended this account's membership and when
 * (`action` `left` when it left by itself); `token-revoked` when the token was signed out; `token-expired` when it
 * was last used and the server's idle limit. A client reads them loosely: a missing or odd one is left out.
 */
export const ErrorDetails = z.object({
  removal: z
    .object({
      action: z.enum(['removed', 'left']),
      by: z.object({ id: Id, name: z.string() }),
      at: Instant,
    })
    .optional()
    .catch(undefined),
  revokedAt: Instant.optional().catch(undefined),
  lastUsedAt: Instant.optional().catch(undefined),
  idleDays: z.number().positive().optional().catch(undefined),
});
export type ErrorDetails = z.infer<typeof ErrorDetails>;
export type Removal = NonNullable<ErrorDetails['removal']>;

export const Role = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

/** A member of a space as `GET /v1/spaces/:space/members` lists them. */
export const Member = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  joinedAt: Instant,
  lastSeenAt: Instant.nullable(),
});
export type Member = z.infer<typeof Member>;
export const MembersResponse = z.object({ members: z.array(Member) });
export type MembersResponse = z.infer<typeof MembersResponse>;

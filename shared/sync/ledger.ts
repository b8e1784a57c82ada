import { z } from 'zod';
import { Id, Instant } from '../domain/common';
import { Hex128, Hex64, SignedCheckpoint } from '../ledger/checkpoint';
import { LoggedChange } from './protocol';

/**
 * The verifiable log's messages (docs/sync-protocol.md, "Verifiable log"): the server's public key, consistency
 * proofs, the log's leaves as hashed, a space's checkpoints and devices' co-signatures. Each space's change log is a
 * Merkle log (RFC 6962): leaf n (from 0) is the change of seq n + 1, hashed by shared/ledger/log-leaf.ts.
 */

/** A count in a query string: digits only (`?from=` or `?from=-1` is refused, never read as 0). */
const Count = z
  .string()
  .regex(/^\d{1,15}$/, 'a whole number of changes, 0 or more')
  .transform(Number);
const Limit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `a whole number from 1 to ${max}`)
    .optional()
    .transform((n) => n ?? fallback);

/** `GET /v1/server-key`: the key the server signs checkpoints with, made at its first start. */
export const ServerKeyResponse = z.object({
  algorithm: z.literal('Ed25519'),
  /** SHA-256 of the raw public key, hex: what a signature names. */
  keyId: Hex64,
  /** The raw 32-byte Ed25519 public key, hex. */
  publicKey: Hex64,
  createdAt: Instant,
});
export type ServerKeyResponse = z.infer<typeof ServerKeyResponse>;

/** A server key as a checkpoints page lists it, so an old checkpoint (say, signed on another server) can be checked. */
export const PublicKeyInfo = z.object({ keyId: Hex64, publicKey: Hex64, createdAt: Instant });
export type PublicKeyInfo = z.infer<typeof PublicKeyInfo>;

/** `GET /v1/spaces/:space/log/consistency?from=M&to=N`. */
export const ConsistencyQuery = z.strictObject({ from: Count, to: Count });
/** RFC 6962 PROOF(from, D[to]), nodes as hex: check it with `verifyConsistency` (or `checkExtends`). */
export const ConsistencyResponse = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  proof: z.array(Hex64),
});
export type ConsistencyResponse = z.infer<typeof ConsistencyResponse>;

export const MAX_LEAVES_PAGE = 5000;
/** `GET /v1/spaces/:space/log/leaves?after=SEQ&limit=L`: changes with seq > after, at most L (default 1000). */
export const LeavesQuery = z.strictObject({
  after: Count.optional().transform((n) => n ?? 0),
  limit: Limit(MAX_LEAVES_PAGE, 1000),
});
/** The leaves exactly as hashed: `leafHashOfChange(change)` of each is leaf `seq - 1`. */
export const LeavesResponse = z.object({ changes: z.array(LoggedChange), more: z.boolean() });
export type LeavesResponse = z.infer<typeof LeavesResponse>;

export const MAX_CHECKPOINTS_PAGE = 1000;
/** `GET /v1/spaces/:space/checkpoints?after=SIZE&limit=L`: checkpoints with size > after, oldest first. */
export const CheckpointsQuery = z.strictObject({
  after: Count.optional().transform((n) => n ?? 0),
  limit: Limit(MAX_CHECKPOINTS_PAGE, 100),
});
export const CheckpointsResponse = z.object({
  /** Each with the server's signature and every co-signature stored. */
  checkpoints: z.array(SignedCheckpoint),
  /** The server keys that signed these checkpoints (a space moved from another server keeps that server's). */
  keys: z.array(PublicKeyInfo),
});
export type CheckpointsResponse = z.infer<typeof CheckpointsResponse>;

/**
 * `POST /v1/spaces/:space/checkpoints/:size/cosignatures`: a device's signature of the checkpoint (over
 * `checkpointMessage`, as the server's), by the key of a device its account registered in the space's log, as the
 * `devices` record `deviceRecordId(keyId, clientId)` (`clientId`: the client whose log the space holds).
 */
export const CosignatureRequest = z.object({ keyId: Hex64, signature: Hex128, clientId: Id });
export type CosignatureRequest = z.infer<typeof CosignatureRequest>;
/** `201` (or `200` when that key had co-signed it already): the checkpoint with every co-signature now stored. */
export const CosignatureResponse = z.object({ checkpoint: SignedCheckpoint });
export type CosignatureResponse = z.infer<typeof CosignatureResponse>;

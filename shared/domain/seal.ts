import { z } from 'zod';
import { Id, Instant } from './common';
import { Hex128, Hex64 } from './device';

/** A record as sealed: which one, and the SHA-256 of its sealed form (shared/ledger/seal.ts says what that is). */
export const SealedRecord = z.object({ table: z.enum(['meetings', 'items']), id: Id, hash: Hex64 });
export type SealedRecord = z.infer<typeof SealedRecord>;

/** A piece of evidence as sealed: the capture, its item then, its content's SHA-256 and its images' SHA-256s. */
export const SealedEvidence = z.object({ captureId: Id, itemId: Id, hash: Hex64, images: z.array(Hex64).max(61) });
export type SealedEvidence = z.infer<typeof SealedEvidence>;

/**
 * What sealing a meeting states, signed by the sealing device: the hashes of the frozen agenda, of each record and
 * of each piece of evidence, and the Merkle root over them (the "root 7f3a9c…" printed on the minutes). Small on
 * purpose: it travels in the log, and the minutes e-mailed to the client carry its root.
 */
export const SealStatement = z.object({
  version: z.literal(1),
  clientId: Id,
  meetingId: Id,
  sealedAt: Instant,
  sealedBy: z.object({ name: z.string().min(1).max(200), accountId: Id.nullable() }),
  agenda: Hex64,
  records: z.array(SealedRecord).max(5000),
  evidence: z.array(SealedEvidence).max(20_000),
  root: Hex64,
  /** The sealing device's key (its id is the key's SHA-256) and its signature over everything above. */
  device: z.object({ keyId: Hex64, publicKey: Hex64, signature: Hex128 }),
});
export type SealStatement = z.infer<typeof SealStatement>;

/** A record's sealed version, kept whole so it stays readable after amendments (and amendments can say what changed). */
export const SealedVersion = z.object({
  table: SealedRecord.shape.table,
  id: Id,
  record: z.record(z.string(), z.unknown()),
});
export type SealedVersion = z.infer<typeof SealedVersion>;

/** A sealed meeting's seal: the signed statement and the versions it hashes. Written once, when sealing. */
export const MeetingSeal = z.object({ statement: SealStatement, versions: z.array(SealedVersion).max(5000) });
export type MeetingSeal = z.infer<typeof MeetingSeal>;

import { z } from 'zod';
import { Id, Instant } from './common';

/** 32 bytes as lowercase hex: a SHA-256, a key id, or a raw Ed25519 public key. */
export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
/** 64 bytes (an Ed25519 signature) as lowercase hex. */
export const Hex128 = z.string().regex(/^[0-9a-f]{128}$/, 'must be 128 lowercase hex characters');

/**
 * A browser that signs for its account: its Ed25519 public key, registered in a client's log (a synced record, so
 * the log itself says which account registered which key, and when). `keyId` is the SHA-256 of the raw public key,
 * and the record's id is made from it and the client (deviceRecordId), so one browser's key is one record per client
 * and a record cannot claim another key. Never rewritten; a device that goes away simply stops signing.
 */
export const Device = z.object({
  id: z.string().regex(/^[0-9a-f]{40}\.[A-Za-z0-9._@-]{1,59}$/, 'not a device record id'),
  clientId: Id,
  keyId: Hex64,
  publicKey: Hex64,
  /** What the person sees in the members list: "Chrome on Linux". */
  label: z.string().max(200),
  createdAt: Instant,
});
export type Device = z.infer<typeof Device>;

/** A device's record id in a client's log: the first 40 hex digits of its key id, a dot, the client's id. */
export const deviceRecordId = (keyId: string, clientId: string) => `${keyId.slice(0, 40)}.${clientId}`;

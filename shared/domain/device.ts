import { z } from 'zod';
import { Id, Instant } from './common';

/** 64 lowercase hex digits: a SHA-256, or a raw Ed25519 public key (32 bytes). */
export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

/**
 * A browser that signs for its account: its Ed25519 public key, registered in a client's log (a synced record, so
 * the log itself says which account registered which key, and when). Its id is the key's id: the SHA-256 of the raw
 * public key, so a record cannot claim another key. Never rewritten; a device that goes away simply stops signing.
 */
export const Device = z.object({
  id: Hex64,
  clientId: Id,
  publicKey: Hex64,
  /** What the person sees in the members list: "Chrome on Linux". */
  label: z.string().max(200),
  createdAt: Instant,
});
export type Device = z.infer<typeof Device>;

import { createHash, hash } from 'node:crypto';
import { utf8 } from '../../shared/ledger/bytes';

/**
 * shared/ledger/sha256.ts for verify.mjs: the same SHA-256, computed by Node's own (OpenSSL) rather than the
 * pure-JavaScript one, which hashes a large client's log (100 MB and more) ten times slower. Only the engine
 * differs: what is hashed, and how leaves, nodes, records and evidence are built, stay shared/ledger's. The build
 * (scripts/build-verifier.mjs) puts it in place of sha256.ts in verify.mjs only.
 */
const oneShot = typeof hash === 'function'; // Node ≥ 20.12

/**
 * The digest as 32 latin1 ("binary") characters, one per byte: a Buffer digest costs an off-heap allocation per
 * hash (half of hashing a small node), a 32-byte Uint8Array made here does not.
 */
const digest = (bytes: Uint8Array): string =>
  oneShot ? hash('sha256', bytes, 'binary') : createHash('sha256').update(bytes).digest('binary');

function bytesOf(latin1: string): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = latin1.charCodeAt(i);
  return out;
}

/** Each digest is its own 32 bytes, never a view of a shared pool. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return bytesOf(digest(bytes));
}

// The prefix and the bytes are copied into one reused buffer (hashing is synchronous, so it is never shared):
// a fresh one per leaf is an off-heap allocation each, and two updates of a Hash object cost more than the copy.
let scratch = new Uint8Array(1 << 16);

/** SHA-256(prefix ‖ bytes) for a one-byte prefix (a Merkle leaf's 0x00). */
export function sha256Prefixed(prefix: number, bytes: Uint8Array): Uint8Array {
  if (bytes.length + 1 > scratch.length) scratch = new Uint8Array(Math.max(bytes.length + 1, scratch.length * 2));
  scratch[0] = prefix;
  scratch.set(bytes, 1);
  return bytesOf(digest(scratch.subarray(0, bytes.length + 1)));
}

export function sha256Hex(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return oneShot ? hash('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex');
}

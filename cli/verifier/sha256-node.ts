import { createHash, hash } from 'node:crypto';
import { toHex, utf8 } from '../../shared/ledger/bytes';

/**
 * shared/ledger/sha256.ts for verify.mjs: the same SHA-256, computed by Node's own (OpenSSL) rather than the
 * pure-JavaScript one, which hashes a large client's log (100 MB and more) ten times slower. Only the engine
 * differs: what is hashed, and how leaves, nodes, records and evidence are built, stay shared/ledger's. The build
 * (scripts/build-verifier.mjs) puts it in place of sha256.ts in verify.mjs only.
 */
const oneShot = typeof hash === 'function'; // Node ≥ 20.12

/** A Buffer is a Uint8Array; each digest is its own 32 bytes, never a view of a shared pool. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return oneShot ? hash('sha256', bytes, 'buffer') : createHash('sha256').update(bytes).digest();
}

export function sha256Hex(data: string | Uint8Array): string {
  return toHex(sha256(typeof data === 'string' ? utf8(data) : data));
}

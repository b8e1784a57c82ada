import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from './bytes';

/** SHA-256, synchronous: Merkle trees hash many small nodes, and WebCrypto's per-call promise would dominate. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** SHA-256(prefix ‖ bytes) for a one-byte prefix (a Merkle leaf's 0x00), hashed on without copying the bytes. */
export function sha256Prefixed(prefix: number, bytes: Uint8Array): Uint8Array {
  return nobleSha256.create().update(Uint8Array.of(prefix)).update(bytes).digest();
}

/** SHA-256 as lowercase hex; a string is hashed as its UTF-8 bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return toHex(sha256(typeof data === 'string' ? utf8(data) : data));
}

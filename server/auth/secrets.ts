import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens, setup codes and invite codes: 32 random bytes (256 bits) as base64url, shown once. Only the SHA-256 hex
 * of a secret is stored; a high-entropy secret needs no slow hash, and lookup by hash stays an index seek.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What a presented secret must look like before it is even hashed. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

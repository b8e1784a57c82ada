/**
 * Pull cursors: opaque to clients (they only pass them back), bound to one space so a cursor from another space
 * is refused rather than read as a position in this one. Not a secret: a forged cursor only moves a client
 * within a log it may already read.
 */
const TAG = 'c1.';
const MAX_LENGTH = 1024;
// Made once: every pull decodes and encodes a cursor, so this is on the server's hottest path.
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  // A plain loop: Uint8Array.from with a mapping function is several times slower here.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return decoder.decode(bytes);
}

export function encodeCursor(position: { seq: number; space: string }): string {
  if (!Number.isSafeInteger(position.seq) || position.seq < 0) throw new RangeError(`bad cursor seq: ${position.seq}`);
  return TAG + toBase64Url(JSON.stringify({ space: position.space, seq: position.seq }));
}

/** The position in `space`'s log, or null for anything else (garbage, another version, another space). */
export function decodeCursor(s: string, space: string): { seq: number } | null {
  if (typeof s !== 'string' || !s.startsWith(TAG) || s.length > MAX_LENGTH) return null;
  const body = s.slice(TAG.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(body));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { space: owner, seq } = parsed as { space?: unknown; seq?: unknown };
    if (owner !== space || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
    return { seq };
  } catch {
    return null;
  }
}

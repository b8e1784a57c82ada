/**
 * Client-made, time-sortable id (UUIDv7, RFC 9562): replicas create records offline without colliding, and ids sort
 * by creation time. 48 bits of Unix milliseconds, then version and variant bits, then 74 random bits.
 * (Written here rather than imported: it is a dozen lines, and it sits in the popup's bundle.)
 */
export function newId(now = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

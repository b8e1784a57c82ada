/** mulberry32: a tiny seeded PRNG, so every data set is the same from run to run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic id shaped like the app's UUIDv7 (time-ordered by `n`). */
export function seededId(prefix: number, n: number): string {
  const hex = (n + prefix * 0x1000000).toString(16).padStart(12, '0');
  return `0194a000-0000-7000-8000-${hex.slice(-12)}`;
}

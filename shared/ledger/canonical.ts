/**
 * Canonical JSON: equal data gives equal text, so it can be hashed and signed.
 *
 * - object keys sorted by UTF-16 code units (JavaScript's default sort), members whose value is undefined left out;
 * - no whitespace; strings escaped as JSON.stringify does;
 * - numbers in ECMAScript's shortest round-trip form.
 *
 * That is RFC 8785 (JCS) for the values Docket stores (strings, finite numbers, booleans, null, arrays, plain
 * objects). Numbers that JSON cannot carry (NaN, ±Infinity) and BigInt throw a TypeError instead of turning into
 * `null` or something else that would hash the same as a different value. A bare `undefined`, which JSON cannot
 * say, gets its own text so it never equals `null` (the sync merge compares values that way).
 */
export function canonicalJson(value: unknown): string {
  const text: string | undefined = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`canonical JSON has no form for ${v}`);
    if (typeof v === 'bigint') throw new TypeError('canonical JSON has no form for a BigInt');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
  return text ?? '~undefined';
}

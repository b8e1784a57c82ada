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
  let prepared: unknown;
  try {
    prepared = sortedCopy(value);
  } catch {
    prepared = SLOW;
  }
  const text: string | undefined =
    prepared === SLOW ? JSON.stringify(value, sortingReplacer) : JSON.stringify(prepared);
  return text ?? '~undefined';
}

/** THE definition: JSON.stringify with every object's members re-made in sorted order on the way out. */
function sortingReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`canonical JSON has no form for ${v}`);
  if (typeof v === 'bigint') throw new TypeError('canonical JSON has no form for a BigInt');
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
  return sorted;
}

/** Thrown (and caught) when a value is not plain JSON data: sortingReplacer then says what it makes of it. */
const SLOW = Symbol('slow');

/**
 * The quick way to the same text, since a replacer costs a call per value: a value whose plain JSON.stringify is
 * what sortingReplacer's would be. Plain data only (plain objects and arrays with no toJSON, finite numbers, and
 * what JSON.stringify leaves out or writes as is); an object whose keys are already in order, with nothing under it
 * to re-make, is used as it is, any other is re-made as sortingReplacer re-makes it. Anything else throws SLOW.
 */
function sortedCopy(v: unknown): unknown {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw SLOW;
    return v;
  }
  if (typeof v === 'bigint') throw SLOW;
  if (v === null || typeof v !== 'object') return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw SLOW;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) throw SLOW;
    let copy: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const made = sortedCopy(item);
      if (made !== item) (copy ??= v.slice())[i] = made;
    }
    return copy ?? v;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw SLOW;
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 1; i < keys.length; i++)
    if (!(keys[i - 1]! < keys[i]!)) {
      inOrder = false;
      break;
    }
  if (!inOrder) keys.sort();
  let made: unknown[] | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // Setting "__proto__" on a fresh object sets its prototype: sortingReplacer's own result says what that gives.
    if (key === '__proto__') throw SLOW;
    const value = record[key];
    const copy = sortedCopy(value);
    if (copy !== value || made) (made ??= keys.slice(0, i).map((k) => record[k]))[i] = copy;
  }
  if (inOrder && !made) return v;
  const sorted: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) sorted[keys[i]!] = made ? made[i] : record[keys[i]!];
  return sorted;
}

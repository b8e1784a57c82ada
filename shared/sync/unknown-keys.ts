/**
 * Keys a request may not carry, at any depth: they name Object.prototype's machinery, so code that copies a body
 * into an object could end up changing every object's prototype.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Both walks run over every push body: the path is built only on the way back from a find (innermost key first,
// then reversed), not copied at every level of every change.

function forbiddenFrom(value: unknown): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenFrom(value[i]);
      if (found) return (found.push(i), found);
    }
  } else if (isPlain(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [key];
      const found = forbiddenFrom(value[key]);
      if (found) return (found.push(key), found);
    }
  }
  return null;
}

/** The path (`changes.0.__proto__`) of the first forbidden key anywhere in a parsed JSON value, or null. */
export function forbiddenKeyPath(value: unknown): (string | number)[] | null {
  return forbiddenFrom(value)?.reverse() ?? null;
}

/**
 * The path of the first key of `raw` that a schema dropped: zod objects strip keys they do not know, so a key of
 * the input missing from the same object of the output is unknown. Walks objects and arrays side by side; values
 * the schema kept whole (records, unknown) come back with all their keys and pass.
 */
export function unknownKeyPath(raw: unknown, parsed: unknown): (string | number)[] | null {
  return unknownFrom(raw, parsed)?.reverse() ?? null;
}

function unknownFrom(raw: unknown, parsed: unknown): (string | number)[] | null {
  if (raw === parsed) return null; // kept whole by the schema (a record, an unknown value): nothing was dropped
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let i = 0; i < raw.length && i < parsed.length; i++) {
      const found = unknownFrom(raw[i], parsed[i]);
      if (found) return (found.push(i), found);
    }
  } else if (isPlain(raw) && isPlain(parsed)) {
    for (const key of Object.keys(raw)) {
      if (!Object.prototype.hasOwnProperty.call(parsed, key)) return [key];
      const found = unknownFrom(raw[key], parsed[key]);
      if (found) return (found.push(key), found);
    }
  }
  return null;
}

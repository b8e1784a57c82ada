/**
 * Keys a request may not carry, at any depth: they name Object.prototype's machinery, so code that copies a body
 * into an object could end up changing every object's prototype.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The path (`changes.0.__proto__`) of the first forbidden key anywhere in a parsed JSON value, or null. */
export function forbiddenKeyPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenKeyPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (isPlain(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const found = forbiddenKeyPath(value[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The path of the first key of `raw` that a schema dropped: zod objects strip keys they do not know, so a key of
 * the input missing from the same object of the output is unknown. Walks objects and arrays side by side; values
 * the schema kept whole (records, unknown) come back with all their keys and pass.
 */
export function unknownKeyPath(
  raw: unknown,
  parsed: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let i = 0; i < raw.length && i < parsed.length; i++) {
      const found = unknownKeyPath(raw[i], parsed[i], [...path, i]);
      if (found) return found;
    }
  } else if (isPlain(raw) && isPlain(parsed)) {
    for (const key of Object.keys(raw)) {
      if (!Object.prototype.hasOwnProperty.call(parsed, key)) return [...path, key];
      const found = unknownKeyPath(raw[key], parsed[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

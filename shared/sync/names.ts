import { z } from 'zod';

/**
 * A person's display name: plain text, 1–80 characters once trimmed, no control characters (C0, C1) and no bidi
 * overrides or isolates (they can make one name read as another). Rendered as text everywhere, never as markup.
 */
export const DISPLAY_NAME_MAX = 80;
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const DisplayName = z
  .string()
  .trim()
  .refine((s) => s.length > 0, 'a name is needed')
  .refine((s) => [...s].length <= DISPLAY_NAME_MAX, `a name has at most ${DISPLAY_NAME_MAX} characters`)
  .refine((s) => !FORBIDDEN.test(s), 'a name cannot hold control characters');

/** How names are compared for uniqueness within a space: without case and surrounding spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * A plain-text excerpt of at most SNIPPET_LENGTH characters around the first word of a text that matched. The text
 * is already plain (see `plainText`), so the snippet carries no markup; the UI still renders it as text, never HTML.
 */
import { fold, wordsAt } from './text';

export const SNIPPET_LENGTH = 200;
/** Characters of context kept before the match. */
const LEAD = 60;

/** Index of the first word of `text` whose folded form is in `terms`, or -1. */
export function firstMatch(text: string, terms: ReadonlySet<string>): number {
  for (const m of wordsAt(text)) {
    if (terms.has(fold(m[0]))) return m.index ?? 0;
  }
  return -1;
}

/** Cuts `text` to SNIPPET_LENGTH characters around `at`, on word boundaries, marking cuts with `…`. */
export function excerpt(text: string, at = 0, length = SNIPPET_LENGTH): string {
  if (text.length <= length) return text;
  let start = Math.max(0, at - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : Math.min(start, at);
  }
  const budget = length - (start > 0 ? 1 : 0);
  let end = Math.min(text.length, start + budget);
  if (end < text.length) {
    end = start + budget - 1;
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

/**
 * Markdown's backslash escapes (`1\.`, `\(`, `\#`) as the characters they stand for: captured pages are stored as
 * Markdown, and the escape that keeps "1. Scope" from becoming a list must not show in a snippet, which is text.
 * `plainText` has already blanked emphasis marks, so an escaped `\*` arrives as a backslash before a space: it goes.
 */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\\(?=\s|$)/g, '')
    .replace(/ {2,}/g, ' ');
}

export function snippet(text: string, terms: ReadonlySet<string>): string {
  return unescapeMarkdown(excerpt(text, Math.max(0, firstMatch(text, terms))));
}

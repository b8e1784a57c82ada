/**
 * The arithmetic of `npm run clip -- --score`: text as a bag of words (case and punctuation ignored, repeated words
 * counted), precision/recall/F1 of one bag against another, titles compared after normalisation, and summaries.
 */

/** Lower-cased runs of letters and digits: "Q-88231's" → ["q", "88231", "s"]. */
export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Markdown as the text a reader sees: no heading marks, emphasis, link targets, images, table rules or escapes. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function counts(words: string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of words) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** Bag-of-words overlap: a word counts as often as it appears in both (min of the two counts). */
export function bagScore(got: string, gold: string): Prf {
  const g = tokens(got);
  const want = counts(tokens(gold));
  let overlap = 0;
  for (const [word, n] of counts(g)) overlap += Math.min(n, want.get(word) ?? 0);
  const goldSize = [...want.values()].reduce((a, b) => a + b, 0);
  const precision = g.length ? overlap / g.length : 0;
  const recall = goldSize ? overlap / goldSize : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Titles match when equal after Unicode normalisation, case folding and whitespace collapsing. */
export function sameTitle(got: string | null | undefined, gold: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return got != null && norm(got) === norm(gold);
}

export interface Stats {
  mean: number;
  median: number;
}

export function stats(values: number[]): Stats {
  if (values.length === 0) return { mean: 0, median: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, median };
}

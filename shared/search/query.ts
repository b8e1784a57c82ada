/**
 * Parsing a query into words, and expanding each word into the index terms it matches (exact, prefix, fuzzy).
 */
import type { Postings, TermIndex } from './postings';
import { fold, MAX_WORD_LENGTH, STOP_WORDS, words } from './text';

export type QueryTerm = { term: string; prefix: boolean; fuzzy: number | false };
/** An index term a query word matches, with how much a match on it counts (1 = exact). */
export type Expansion = { term: string; weight: number; postings: Postings };

/** Fuzzy matching starts at this length, allowing round(length × FUZZINESS) edits. */
const FUZZY_FROM = 5;
const FUZZINESS = 0.2;
const MAX_EDITS = 3;
/** Same weights as MiniSearch: a prefix match counts less than an exact one, a fuzzy one less still. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/**
 * The words of a query, folded. The last one is a prefix (the user is typing it); a single letter there is ignored
 * until a second one is typed (as a prefix it would match a large part of the vocabulary). Stop words are dropped
 * except as the last word, which may be the start of a longer one.
 */
export function parseQuery(query: string): QueryTerm[] {
  const all = words(query)
    .map(fold)
    .filter((w) => w && w.length <= MAX_WORD_LENGTH);
  const out = new Map<string, QueryTerm>();
  all.forEach((term, i) => {
    const last = i === all.length - 1;
    if (last ? term.length < 2 : STOP_WORDS.has(term)) return;
    const fuzzy = term.length >= FUZZY_FROM ? FUZZINESS : false;
    out.set(term, { term, prefix: last || (out.get(term)?.prefix ?? false), fuzzy });
  });
  // Longest (rarest) first and the prefix word last: later words only look at the items still in the running.
  return [...out.values()].sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.term.length - a.term.length);
}

export function expand(index: TermIndex, q: QueryTerm): Expansion[] {
  const out: Expansion[] = [];
  const prefixed = new Set<string>();
  if (q.prefix) {
    for (const [term, postings] of index.dictionary.atPrefix(q.term)) {
      const distance = term.length - q.term.length;
      if (!distance) continue;
      prefixed.add(term);
      out.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), postings });
    }
  }
  const edits = q.fuzzy ? Math.min(MAX_EDITS, Math.round(q.term.length * q.fuzzy)) : 0;
  if (edits > 0) {
    for (const [term, [postings, distance]] of index.dictionary.fuzzyGet(q.term, edits)) {
      if (!distance || prefixed.has(term)) continue;
      out.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), postings });
    }
  }
  // In word order, however the dictionary was built (word by word, or loaded from a saved index): scores add up in
  // this order, so a loaded index answers exactly as the one that was saved.
  out.sort((a, b) => (a.term < b.term ? -1 : 1));
  const exact = index.dictionary.get(q.term);
  if (exact) out.unshift({ term: q.term, weight: 1, postings: exact });
  return out;
}

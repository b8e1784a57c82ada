/**
 * The inverted index: for each folded word, which documents contain it, in which field, how often.
 *
 * The dictionary is MiniSearch's SearchableMap (a radix tree: exact, prefix and fuzzy look-ups). The postings are
 * kept here as two packed integer arrays per word instead of MiniSearch's per-document objects: a common word then
 * costs a few integer reads per document at query time, not an allocated result object (measured ~1.7 µs per hit
 * with `MiniSearch#search`, which would put a common word over 50,000 items far past the 150 ms budget).
 *
 * Entries are sorted by `doc * 16 + field`, so a document's entries are adjacent and found by binary search;
 * removal is exact and immediate (the removed text is re-tokenised to know its words), so nothing needs vacuuming.
 * Document numbers are reused, keeping every per-document array as long as the live documents.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { indexTerm, words } from './text';

export type Postings = { keys: number[]; tfs: number[]; df: number };

/** Low bits of a key hold the field: up to 16 fields, and document numbers stay small integers (SMIs). */
const FIELD_BITS = 4;

export const keyOf = (doc: number, field: number) => (doc << FIELD_BITS) | field;
export const docOf = (key: number) => key >>> FIELD_BITS;
export const fieldOf = (key: number) => key & ((1 << FIELD_BITS) - 1);

export function lowerBound(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each field's words with their counts. */
function tally(texts: readonly string[]): { terms: Map<string, number[]>; lengths: number[] } {
  const terms = new Map<string, number[]>(); // word → [field, tf, field, tf, …] in field order
  const lengths = texts.map((text, field) => {
    if (!text) return 0;
    let length = 0;
    for (const word of words(text)) {
      const term = indexTerm(word);
      if (!term) continue;
      length += 1;
      let entry = terms.get(term);
      if (!entry) terms.set(term, (entry = []));
      if (entry[entry.length - 2] === field) entry[entry.length - 1]! += 1;
      else entry.push(field, 1);
    }
    return length;
  });
  return { terms, lengths };
}

export class TermIndex {
  readonly dictionary = new SearchableMap<Postings>();
  /** Owner (item slot) of each document number; -1 when free. */
  readonly owner: number[] = [];
  /** Indexed word count of each (document, field), at `doc * fieldCount + field`. */
  readonly lengths: number[] = [];
  /** Sum of lengths and number of non-empty values per field, for the average length BM25 normalises by. */
  private readonly totals: number[];
  private readonly filled: number[];
  private readonly free: number[] = [];
  docCount = 0;

  constructor(readonly fieldCount: number) {
    if (fieldCount > 2 ** FIELD_BITS) throw new Error('too many fields');
    this.totals = new Array<number>(fieldCount).fill(0);
    this.filled = new Array<number>(fieldCount).fill(0);
  }

  /** Indexes one document (`texts[field]`, '' when absent) for an owner; returns its number. */
  add(owner: number, texts: readonly string[]): number {
    const doc = this.free.pop() ?? this.owner.length;
    this.owner[doc] = owner;
    const { terms, lengths } = tally(texts);
    for (let f = 0; f < this.fieldCount; f++) {
      const length = lengths[f] ?? 0;
      this.lengths[doc * this.fieldCount + f] = length;
      this.totals[f]! += length;
      if (length > 0) this.filled[f]! += 1;
    }
    for (const [term, entry] of terms) {
      const p = this.dictionary.fetch(term, () => ({ keys: [], tfs: [], df: 0 }));
      const base = keyOf(doc, 0);
      let at = p.keys.length === 0 || p.keys[p.keys.length - 1]! < base ? p.keys.length : lowerBound(p.keys, base);
      for (let i = 0; i < entry.length; i += 2, at++) {
        if (at === p.keys.length) {
          p.keys.push(base + entry[i]!);
          p.tfs.push(entry[i + 1]!);
        } else {
          p.keys.splice(at, 0, base + entry[i]!);
          p.tfs.splice(at, 0, entry[i + 1]!);
        }
      }
      p.df += 1;
    }
    this.docCount += 1;
    return doc;
  }

  /** Removes a document; `texts` must be what it was indexed with. */
  remove(doc: number, texts: readonly string[]): void {
    if (this.owner[doc] === undefined || this.owner[doc] === -1) return;
    const { terms } = tally(texts);
    const base = keyOf(doc, 0);
    for (const term of terms.keys()) {
      const p = this.dictionary.get(term);
      if (!p) continue;
      const from = lowerBound(p.keys, base);
      let to = from;
      while (to < p.keys.length && docOf(p.keys[to]!) === doc) to++;
      if (to === from) continue;
      p.keys.splice(from, to - from);
      p.tfs.splice(from, to - from);
      p.df -= 1;
      if (p.df === 0) this.dictionary.delete(term);
    }
    for (let f = 0; f < this.fieldCount; f++) {
      const length = this.lengths[doc * this.fieldCount + f] ?? 0;
      this.totals[f]! -= length;
      if (length > 0) this.filled[f]! -= 1;
      this.lengths[doc * this.fieldCount + f] = 0;
    }
    this.owner[doc] = -1;
    this.free.push(doc);
    this.docCount -= 1;
  }

  averageLength(field: number): number {
    const filled = this.filled[field] ?? 0;
    return filled ? this.totals[field]! / filled : 1;
  }

  /** The fields of `doc` that contain the word of these postings. */
  fieldsOf(p: Postings, doc: number): number[] {
    const out: number[] = [];
    for (let i = lowerBound(p.keys, keyOf(doc, 0)); i < p.keys.length && docOf(p.keys[i]!) === doc; i++) {
      out.push(fieldOf(p.keys[i]!));
    }
    return out;
  }
}

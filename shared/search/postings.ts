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

/**
 * One word's postings. Loaded from a saved index they are views into its packed arrays (`Int32Array`), copied into
 * plain arrays only when the word's list changes (`thaw`), so loading costs no per-entry work.
 */
export type Postings = { keys: number[] | Int32Array; tfs: number[] | Int32Array; df: number };
type Thawed = { keys: number[]; tfs: number[]; df: number };

function thaw(p: Postings): Thawed {
  if (!Array.isArray(p.keys)) p.keys = Array.from(p.keys);
  if (!Array.isArray(p.tfs)) p.tfs = Array.from(p.tfs);
  return p as Thawed;
}

/** Low bits of a key hold the field: up to 16 fields, and document numbers stay small integers (SMIs). */
const FIELD_BITS = 4;

export const keyOf = (doc: number, field: number) => (doc << FIELD_BITS) | field;
export const docOf = (key: number) => key >>> FIELD_BITS;
export const fieldOf = (key: number) => key & ((1 << FIELD_BITS) - 1);

export function lowerBound(keys: ArrayLike<number>, key: number): number {
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

/** What a saved index holds of the term index (see `snapshot.ts`): plain data, typed arrays for the bulk. */
export interface TermIndexData {
  fieldCount: number;
  /** Words in dictionary order; word `t`'s postings are `keys`/`tfs` from `offsets[t]` to `offsets[t + 1]`. */
  terms: string[];
  df: Int32Array;
  offsets: Int32Array;
  keys: Int32Array;
  tfs: Int32Array;
  owner: Int32Array;
  lengths: Int32Array;
  totals: number[];
  filled: number[];
  free: number[];
  docCount: number;
}

export class TermIndex {
  readonly dictionary = new SearchableMap<Postings>();
  /** Owner (item slot) of each document number; -1 when free (or waiting for `sweep`). */
  owner: number[] | Int32Array = [];
  /** Indexed word count of each (document, field), at `doc * fieldCount + field`. */
  lengths: number[] | Int32Array = [];
  /** Sum of lengths and number of non-empty values per field, for the average length BM25 normalises by. */
  private totals: number[];
  private filled: number[];
  private free: number[] = [];
  /** Documents removed without their text, whose postings the next `sweep` takes out. */
  private dying: number[] = [];
  docCount = 0;

  constructor(readonly fieldCount: number) {
    if (fieldCount > 2 ** FIELD_BITS) throw new Error('too many fields');
    this.totals = new Array<number>(fieldCount).fill(0);
    this.filled = new Array<number>(fieldCount).fill(0);
  }

  /** Indexes one document (`texts[field]`, '' when absent) for an owner; returns its number. */
  add(owner: number, texts: readonly string[]): number {
    const doc = this.free.pop() ?? this.owner.length;
    this.grow(doc);
    this.owner[doc] = owner;
    const { terms, lengths } = tally(texts);
    for (let f = 0; f < this.fieldCount; f++) {
      const length = lengths[f] ?? 0;
      this.lengths[doc * this.fieldCount + f] = length;
      this.totals[f]! += length;
      if (length > 0) this.filled[f]! += 1;
    }
    for (const [term, entry] of terms) {
      const p = thaw(this.dictionary.fetch(term, () => ({ keys: [], tfs: [], df: 0 })));
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

  /**
   * Removes a document. With `texts` (what it was indexed with) its words are known and it goes at once; without
   * (an index that does not keep capture text), it stops matching at once and its postings go at the next `sweep`,
   * one pass over the dictionary for all the documents removed since.
   */
  remove(doc: number, texts: readonly string[] | null): void {
    if (this.owner[doc] === undefined || this.owner[doc] === -1) return;
    for (let f = 0; f < this.fieldCount; f++) {
      const length = this.lengths[doc * this.fieldCount + f] ?? 0;
      this.totals[f]! -= length;
      if (length > 0) this.filled[f]! -= 1;
      this.lengths[doc * this.fieldCount + f] = 0;
    }
    this.owner[doc] = -1;
    this.docCount -= 1;
    if (!texts) {
      this.dying.push(doc);
      return;
    }
    const { terms } = tally(texts);
    const base = keyOf(doc, 0);
    for (const term of terms.keys()) {
      const p = this.dictionary.get(term);
      if (!p) continue;
      const from = lowerBound(p.keys, base);
      let to = from;
      while (to < p.keys.length && docOf(p.keys[to]!) === doc) to++;
      if (to === from) continue;
      const t = thaw(p);
      t.keys.splice(from, to - from);
      t.tfs.splice(from, to - from);
      p.df -= 1;
      if (p.df === 0) this.dictionary.delete(term);
    }
    this.free.push(doc);
  }

  /** Takes the postings of the documents removed without text out of every word (see `remove`). */
  sweep(): void {
    if (this.dying.length === 0) return;
    const dying = new Set(this.dying);
    const few = this.dying.length <= 16 ? this.dying : null;
    const empty: string[] = [];
    for (const [term, p] of this.dictionary) {
      let gone = 0;
      if (few) {
        for (const doc of few) {
          const from = lowerBound(p.keys, keyOf(doc, 0));
          let to = from;
          while (to < p.keys.length && docOf(p.keys[to]!) === doc) to++;
          if (to === from) continue;
          const t = thaw(p);
          t.keys.splice(from, to - from);
          t.tfs.splice(from, to - from);
          gone += 1;
        }
      } else {
        let hit = false;
        for (let i = 0; i < p.keys.length && !hit; i++) hit = dying.has(docOf(p.keys[i]!));
        if (hit) {
          const keys: number[] = [];
          const tfs: number[] = [];
          let last = -1;
          for (let i = 0; i < p.keys.length; i++) {
            const doc = docOf(p.keys[i]!);
            if (dying.has(doc)) {
              if (doc !== last) gone += 1;
              last = doc;
              continue;
            }
            keys.push(p.keys[i]!);
            tfs.push(p.tfs[i]!);
          }
          p.keys = keys;
          p.tfs = tfs;
        }
      }
      p.df -= gone;
      if (p.df === 0) empty.push(term);
    }
    for (const term of empty) this.dictionary.delete(term);
    this.free.push(...this.dying);
    this.dying = [];
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

  /** Packs the index into a few typed arrays (after a `sweep`, so nothing removed is saved). */
  save(): TermIndexData {
    this.sweep();
    const terms: string[] = [];
    const df: number[] = [];
    const offsets = [0];
    let total = 0;
    for (const [term, p] of this.dictionary) {
      terms.push(term);
      df.push(p.df);
      total += p.keys.length;
      offsets.push(total);
    }
    const keys = new Int32Array(total);
    const tfs = new Int32Array(total);
    let at = 0;
    for (const term of terms) {
      const p = this.dictionary.get(term)!;
      keys.set(p.keys, at);
      tfs.set(p.tfs, at);
      at += p.keys.length;
    }
    return {
      fieldCount: this.fieldCount,
      terms,
      df: Int32Array.from(df),
      offsets: Int32Array.from(offsets),
      keys,
      tfs,
      owner: Int32Array.from(this.owner),
      lengths: Int32Array.from(this.lengths),
      totals: [...this.totals],
      filled: [...this.filled],
      free: [...this.free],
      docCount: this.docCount,
    };
  }

  /** The index `save` packed; its postings stay views into the packed arrays until a word's list changes. */
  static load(data: TermIndexData): TermIndex {
    const index = new TermIndex(data.fieldCount);
    const { terms, df, offsets, keys, tfs } = data;
    for (let t = 0; t < terms.length; t++) {
      const from = offsets[t]!;
      const to = offsets[t + 1]!;
      index.dictionary.set(terms[t]!, { keys: keys.subarray(from, to), tfs: tfs.subarray(from, to), df: df[t]! });
    }
    index.owner = data.owner;
    index.lengths = data.lengths;
    index.totals = [...data.totals];
    index.filled = [...data.filled];
    index.free = [...data.free];
    index.docCount = data.docCount;
    return index;
  }

  /** Per-document arrays loaded as typed arrays become plain ones when a document number beyond them is used. */
  private grow(doc: number): void {
    if (doc < this.owner.length || Array.isArray(this.owner)) return;
    this.owner = Array.from(this.owner);
    this.lengths = Array.from(this.lengths);
  }
}

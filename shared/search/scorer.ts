/**
 * Runs a parsed query over the postings and returns the matching items (slots) with scores.
 *
 * Captures are separate documents, so AND must hold per ITEM, not per document: "acme renewal" finds an item titled
 * "Acme" whose e-mail says "renewal". Words are processed one after the other; a document's score for a word is
 * BM25 summed over its fields (boosted), an item's score for the word is its best document's, and an item stays in
 * the running only if every word so far matched it. Later words skip, with one integer compare, every document
 * whose item is out — so the cost is the postings read plus the hits, never a pass over the log.
 *
 * All per-query state lives in typed scratch arrays indexed by document number or item slot, stamped with a
 * per-pass tick instead of being cleared, so a query allocates almost nothing per hit.
 */
import { FIELDS } from './fields';
import { docOf, fieldOf, type TermIndex } from './postings';
import type { Expansion } from './query';

const K = 1.2;
const B = 0.7;
const D = 0.5;
const BOOSTS = FIELDS.map((f) => f.boost);

export type Scored = {
  /** Slots of the items that matched every word. */
  slots: number[];
  /** Total score per slot. */
  score: Float64Array;
  /** Per word: the document that matched it best, per slot. */
  bestDoc: Int32Array[];
};

const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number, make: (n: number) => T): T =>
  a.length >= n ? a : make(Math.ceil(n * 1.5) + 16);

export class Scorer {
  private tick = 0;
  private docTick = new Int32Array(0);
  private docScore = new Float64Array(0);
  private slotTick = new Int32Array(0);
  private termBest = new Float64Array(0);
  private alive = new Int32Array(0);
  private total = new Float64Array(0);
  private okTick = new Int32Array(0);
  private ok = new Uint8Array(0);
  private bestDocs: Int32Array[] = [];

  private fit(docs: number, slots: number, words: number): void {
    this.docTick = grow(this.docTick, docs, (n) => new Int32Array(n));
    this.docScore = grow(this.docScore, docs, (n) => new Float64Array(n));
    this.slotTick = grow(this.slotTick, slots, (n) => new Int32Array(n));
    this.termBest = grow(this.termBest, slots, (n) => new Float64Array(n));
    this.alive = grow(this.alive, slots, (n) => new Int32Array(n));
    this.total = grow(this.total, slots, (n) => new Float64Array(n));
    this.okTick = grow(this.okTick, slots, (n) => new Int32Array(n));
    this.ok = grow(this.ok, slots, (n) => new Uint8Array(n));
    for (let w = 0; w < words; w++)
      this.bestDocs[w] = grow(this.bestDocs[w] ?? new Int32Array(0), slots, (n) => new Int32Array(n));
  }

  /** `allowed(slot)`: the item exists and passes the filters (asked at most once per item per query). */
  run(index: TermIndex, words: Expansion[][], slotCount: number, allowed: (slot: number) => boolean): Scored {
    this.fit(index.owner.length, slotCount, words.length);
    const { owner, lengths, fieldCount: F } = index;
    const { docTick, docScore, slotTick, termBest, alive, total, okTick, ok } = this;
    const avg = FIELDS.map((_, f) => index.averageLength(f));
    const n = index.docCount;
    const first = ++this.tick;
    let prev = 0;
    let slots: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const tk = w === 0 ? first : ++this.tick;
      const docs: number[] = [];
      for (const e of words[w]!) {
        const { keys, tfs, df } = e.postings;
        const idf = e.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const doc = docOf(key);
          const slot = owner[doc]!;
          if (slot < 0) continue; // removed, its postings not swept yet
          if (w === 0) {
            if (okTick[slot] !== first) {
              okTick[slot] = first;
              ok[slot] = allowed(slot) ? 1 : 0;
            }
            if (!ok[slot]) continue;
          } else if (alive[slot] !== prev) continue;
          const field = fieldOf(key);
          const tf = tfs[i]!;
          const norm = 1 - B + (B * lengths[doc * F + field]!) / avg[field]!;
          const s = idf * BOOSTS[field]! * (D + (tf * (K + 1)) / (tf + K * norm));
          if (docTick[doc] !== tk) {
            docTick[doc] = tk;
            docScore[doc] = s;
            docs.push(doc);
          } else docScore[doc] = docScore[doc]! + s;
        }
      }
      const best = this.bestDocs[w]!;
      slots = [];
      for (const doc of docs) {
        const slot = owner[doc]!;
        const s = docScore[doc]!;
        if (slotTick[slot] !== tk) {
          slotTick[slot] = tk;
          termBest[slot] = s;
          best[slot] = doc;
          slots.push(slot);
        } else if (s > termBest[slot]!) {
          termBest[slot] = s;
          best[slot] = doc;
        }
      }
      for (const slot of slots) {
        total[slot] = (w === 0 ? 0 : total[slot]!) + termBest[slot]!;
        alive[slot] = tk;
      }
      prev = tk;
      if (slots.length === 0) break;
    }
    return { slots, score: total, bestDoc: this.bestDocs };
  }
}

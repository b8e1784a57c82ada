/**
 * Turns a matched item into a SearchHit: which field to quote, and the snippet around the match in it.
 * Only the hits actually returned (≤ limit) get here, so the text scan for the snippet is bounded by the page size.
 */
import { FIELD, FIELDS } from './fields';
import type { TermIndex } from './postings';
import type { Expansion } from './query';
import { excerpt, snippet } from './snippet';
import type { SearchHit, StoredDoc } from './types';

type Spot = { doc: number; field: number; terms: Set<string>; words: number };

/**
 * Where each query word matched in the item's best document for it, grouped by (document, field). The spot where
 * most words matched wins; then the earlier field (title before notes before capture body).
 */
function bestSpot(index: TermIndex, words: Expansion[][], bestDoc: (w: number) => number): Spot | null {
  const spots = new Map<number, Spot>();
  words.forEach((expansions, w) => {
    const doc = bestDoc(w);
    const counted = new Set<Spot>();
    for (const e of expansions) {
      for (const field of index.fieldsOf(e.postings, doc)) {
        const key = doc * FIELDS.length + field;
        let spot = spots.get(key);
        if (!spot) spots.set(key, (spot = { doc, field, terms: new Set(), words: 0 }));
        spot.terms.add(e.term);
        if (!counted.has(spot)) {
          counted.add(spot);
          spot.words += 1;
        }
      }
    }
  });
  let best: Spot | null = null;
  for (const s of spots.values()) {
    if (!best || s.words > best.words || (s.words === best.words && s.field < best.field)) best = s;
  }
  return best;
}

/** Where a matched item's snippet comes from: the document and field where most of the words matched. */
export type HitSource = { doc: number; field: number; terms: Set<string> } | null;

export function hitSource(index: TermIndex, words: Expansion[][], bestDoc: (w: number) => number): HitSource {
  const spot = bestSpot(index, words, bestDoc);
  return spot && { doc: spot.doc, field: spot.field, terms: spot.terms };
}

/** `texts`: the text per field of the source document, or null when it is not at hand (the snippet is then empty). */
export function toHit(
  item: { id: string; score: number },
  source: HitSource,
  doc: StoredDoc | undefined,
  texts: readonly string[] | null,
): SearchHit {
  if (!source || !doc) return { itemId: item.id, score: item.score, snippet: '', matchedIn: 'item' };
  const hit: SearchHit = {
    itemId: item.id,
    score: item.score,
    snippet: texts ? snippet(texts[source.field] ?? '', source.terms) : '',
    matchedIn: FIELDS[source.field]!.matchedIn,
  };
  if (doc.captureId) hit.captureId = doc.captureId;
  return hit;
}

/** For the empty query: the start of the notes, else of the decision record, else the title. */
export function listHit(itemId: string, doc: StoredDoc | undefined): SearchHit {
  const text = (f: number) => doc?.texts?.[f] ?? '';
  const { notes, decision, title } = FIELD;
  return { itemId, score: 0, snippet: excerpt(text(notes) || text(decision) || text(title)), matchedIn: 'item' };
}

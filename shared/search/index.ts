/**
 * Full-text search over a decision log: items, their decision records and actions, and the text of their captures.
 *
 * Captures are documents of their own, merged into their item at query time, rather than folded into one document
 * per item: an edit to an item (the frequent case: status, title, decision) re-indexes only the item's own short
 * text, and a new clip indexes only that capture — never again the up-to-20,000 characters of every capture the
 * item has (folding would also mean keeping or re-reading all capture text to rebuild an item on each edit).
 * The merge costs nothing extra: the scorer works per item anyway (see `scorer.ts`).
 *
 * Memory: each capture contributes at most its first MAX_CAPTURE_CHARS (20,000) characters of plain text and each
 * long item field at most MAX_FIELD_CHARS; that text is kept once, for snippets and exact removal, beside the
 * postings. Items get small integer "slots" so per-query state can live in typed arrays.
 */
import type { Capture, Item, Vendor } from '../domain';
import { captureDoc, itemDoc, itemMeta } from './documents';
import { FIELD, FIELDS } from './fields';
import { DateOrder, byDateDesc, predicate } from './filters';
import { listHit, toHit } from './hits';
import { TermIndex } from './postings';
import { expand, parseQuery } from './query';
import { Scorer } from './scorer';
import { topK } from './top';
import type { ItemMeta, SearchFilters, SearchHit, StoredDoc } from './types';

export type { MatchedIn, SearchFilters, SearchHit } from './types';
export { MAX_CAPTURE_CHARS, MAX_FIELD_CHARS, itemDate } from './documents';

export type ItemContext = { vendorName: string | null };

export class LogSearch {
  private index = new TermIndex(FIELDS.length);
  private readonly scorer = new Scorer();
  /** Stored text per document number. */
  private docs: (StoredDoc | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly captureSlot = new Map<string, number>();
  private itemCount = 0;
  private slots: { id: string; meta?: ItemMeta; doc: number; captures: Map<string, number> }[] = [];
  private freeSlots: number[] = [];
  private readonly order = new DateOrder(() => this.metas());

  /** Adds an item, or replaces it if already indexed (its captures stay). */
  addItem(item: Item, ctx: ItemContext): void {
    const slot = this.slot(item.id);
    const s = this.slots[slot]!;
    if (s.meta) this.order.remove(s.meta);
    else this.itemCount += 1;
    this.drop(s.doc);
    s.doc = this.put(slot, itemDoc(item, ctx.vendorName));
    s.meta = itemMeta(item);
    this.order.add(s.meta);
  }

  /** Re-indexes an edited item: its old text no longer finds it, the new text does. Its captures are untouched. */
  updateItem(item: Item, ctx: ItemContext): void {
    this.addItem(item, ctx);
  }

  /** Removes an item and its captures (they cannot be found without it). */
  removeItem(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const s = this.slots[slot]!;
    if (s.meta) {
      this.order.remove(s.meta);
      this.itemCount -= 1;
    }
    this.drop(s.doc);
    for (const [captureId, doc] of s.captures) {
      this.drop(doc);
      this.captureSlot.delete(captureId);
    }
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.slots[slot] = { id: '', doc: -1, captures: new Map() };
  }

  /** Adds a capture, or replaces it (e.g. when it is filed under another item). */
  addCapture(capture: Capture): void {
    this.removeCapture(capture.id);
    this.putCapture(capture);
  }

  removeCapture(id: string): void {
    const slot = this.captureSlot.get(id);
    if (slot === undefined) return;
    const s = this.slots[slot]!;
    this.drop(s.captures.get(id) ?? -1);
    s.captures.delete(id);
    this.captureSlot.delete(id);
    if (!s.meta && s.captures.size === 0) this.removeItem(s.id);
  }

  /** A vendor was renamed: re-index the items filed under it. */
  renameVendor(vendorId: string, name: string): void {
    for (const [slot, s] of this.slots.entries()) {
      const old = s.meta?.vendorId === vendorId ? this.docs[s.doc] : undefined;
      if (!old || old.texts[FIELD.vendor] === name) continue;
      const texts = old.texts.map((t, f) => (f === FIELD.vendor ? name : t));
      this.drop(s.doc);
      s.doc = this.put(slot, { ...old, texts });
    }
  }

  /** Replaces the whole index with these records (the initial build). */
  bulkLoad(log: { items: readonly Item[]; captures: readonly Capture[]; vendors: readonly Vendor[] }): void {
    this.index = new TermIndex(FIELDS.length);
    this.docs = [];
    this.slotOf.clear();
    this.slots = [];
    this.freeSlots = [];
    this.order.reset();
    this.captureSlot.clear();
    this.itemCount = 0;
    const vendorName = new Map(log.vendors.map((v) => [v.id, v.name]));
    for (const item of log.items) this.addItem(item, { vendorName: vendorName.get(item.vendorId ?? '') ?? null });
    for (const capture of log.captures) this.putCapture(capture);
  }

  /**
   * Items matching every word of `query` (the last as a prefix, words of 5+ letters fuzzily) and all `filters`,
   * best first. With no words, the filtered items newest first (by `itemDate`).
   */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
    const filter = predicate(filters);
    const terms = parseQuery(query);
    if (terms.length === 0) return this.order.take(filter, limit).map((m) => listHit(m.id, this.itemDocOf(m.id)));
    const words = terms.map((t) => expand(this.index, t));
    if (words.some((w) => w.length === 0)) return [];
    const allowed = (slot: number) => {
      const meta = this.slots[slot]?.meta;
      return !!meta && (!filter || filter(meta));
    };
    const { slots, score, bestDoc } = this.scorer.run(this.index, words, this.slots.length, allowed);
    const meta = (slot: number) => this.slots[slot]!.meta!;
    const top = topK(
      slots,
      limit,
      (a, b) => score[a]! > score[b]! || (score[a] === score[b] && byDateDesc(meta(a), meta(b)) < 0),
    );
    return top.map((slot) =>
      toHit(this.index, this.docs, words, {
        id: this.slots[slot]!.id,
        score: score[slot]!,
        bestDoc: (w) => bestDoc[w]![slot]!,
      }),
    );
  }

  /** Number of items indexed. */
  size(): number {
    return this.itemCount;
  }

  /** Counts for diagnostics: items, captures, distinct indexed words. */
  stats(): { items: number; captures: number; terms: number } {
    return { items: this.itemCount, captures: this.captureSlot.size, terms: this.index.dictionary.size };
  }

  private *metas(): Iterable<ItemMeta> {
    for (const s of this.slots) if (s.meta) yield s.meta;
  }

  private itemDocOf(id: string): StoredDoc | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.docs[this.slots[slot]!.doc];
  }

  /** The slot of an item id, made on first sight (a capture may arrive before its item). */
  private slot(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.slots.length;
      this.slots[slot] = { id, doc: -1, captures: new Map() };
      this.slotOf.set(id, slot);
    }
    return slot;
  }

  private putCapture(capture: Capture): void {
    const slot = this.slot(capture.itemId);
    this.slots[slot]!.captures.set(capture.id, this.put(slot, captureDoc(capture)));
    this.captureSlot.set(capture.id, slot);
  }

  private put(slot: number, doc: StoredDoc): number {
    const n = this.index.add(slot, doc.texts);
    this.docs[n] = doc;
    return n;
  }

  private drop(n: number): void {
    const doc = n >= 0 ? this.docs[n] : undefined;
    if (!doc) return;
    this.index.remove(n, doc.texts);
    this.docs[n] = undefined;
  }
}

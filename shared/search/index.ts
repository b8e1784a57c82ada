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
import { hitSource, listHit, toHit, type HitSource } from './hits';
import { TermIndex } from './postings';
import { SEARCH_FORMAT, SEP, type SearchSnapshot } from './snapshot';
import { expand, parseQuery } from './query';
import { Scorer } from './scorer';
import { topK } from './top';
import type { ItemMeta, SearchFilters, SearchHit, StoredDoc } from './types';

export type { MatchedIn, SearchFilters, SearchHit } from './types';
export { SEARCH_FORMAT, type SearchSnapshot } from './snapshot';
export { MAX_CAPTURE_CHARS, MAX_FIELD_CHARS, itemDate } from './documents';

export type ItemContext = { vendorName: string | null };

export type LogSearchOptions = {
  /**
   * Keep each capture's indexed text in memory (default). Without it the index holds no capture text at all (up to
   * 20,000 characters per capture): snippets from a capture need the capture (`searchWith`), and a capture removed
   * leaves the index at the next search through one pass over the dictionary instead of its own words.
   */
  captureText?: boolean;
};

type Slot = { id: string; meta?: ItemMeta; doc: number; captures: Map<string, number> };
type Scored = { id: string; score: number; source: HitSource };

export class LogSearch {
  private readonly captureText: boolean;
  private index = new TermIndex(FIELDS.length);
  private readonly scorer = new Scorer();
  /** Stored text per document number. */
  private docs: (StoredDoc | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly captureSlot = new Map<string, number>();
  private itemCount = 0;
  private slots: Slot[] = [];
  private freeSlots: number[] = [];
  private readonly order = new DateOrder(() => this.metas());

  constructor(options: LogSearchOptions = {}) {
    this.captureText = options.captureText ?? true;
  }

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
      if (!old?.texts || old.texts[FIELD.vendor] === name) continue;
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
   * best first. With no words, the filtered items newest first (by `itemDate`). A hit found in a capture whose text
   * this index does not keep has an empty snippet: see `searchWith`.
   */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
    const found = this.find(query, filters, limit);
    return 'list' in found ? found.list : found.scored.map((h) => this.hit(h, null));
  }

  /**
   * As `search`, reading the captures the snippets come from when this index keeps no capture text (at most one per
   * hit). `captures` is called once, and nothing changes the index while it runs.
   */
  async searchWith(
    query: string,
    filters: SearchFilters,
    limit: number,
    captures: (ids: string[]) => Promise<(Capture | undefined)[]>,
  ): Promise<SearchHit[]> {
    const found = this.find(query, filters, limit);
    if ('list' in found) return found.list;
    const wanted = new Set<string>();
    for (const h of found.scored) {
      const doc = h.source ? this.docs[h.source.doc] : undefined;
      if (doc && !doc.texts && doc.captureId) wanted.add(doc.captureId);
    }
    const read = wanted.size ? await captures([...wanted]) : [];
    const texts = new Map<string, string[]>();
    for (const c of read) if (c) texts.set(c.id, captureDoc(c).texts ?? []);
    return found.scored.map((h) => this.hit(h, texts));
  }

  /** The list hits of an empty query, or the scored items of a query with words (snippets still to write). */
  private find(query: string, filters: SearchFilters, limit: number): { list: SearchHit[] } | { scored: Scored[] } {
    this.index.sweep();
    const filter = predicate(filters);
    const terms = parseQuery(query);
    if (terms.length === 0)
      return { list: this.order.take(filter, limit).map((m) => listHit(m.id, this.itemDocOf(m.id))) };
    const words = terms.map((t) => expand(this.index, t));
    if (words.some((w) => w.length === 0)) return { scored: [] };
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
    return {
      scored: top.map((slot) => ({
        id: this.slots[slot]!.id,
        score: score[slot]!,
        source: hitSource(this.index, words, (w) => bestDoc[w]![slot]!),
      })),
    };
  }

  private hit(h: Scored, read: Map<string, string[]> | null): SearchHit {
    const doc = h.source ? this.docs[h.source.doc] : undefined;
    const texts = doc?.texts ?? read?.get(doc?.captureId ?? '') ?? null;
    return toHit(h, h.source, doc, texts);
  }

  /** Number of items indexed. */
  size(): number {
    return this.itemCount;
  }

  /** Counts for diagnostics: items, captures, distinct indexed words. */
  stats(): { items: number; captures: number; terms: number } {
    this.index.sweep();
    return { items: this.itemCount, captures: this.captureSlot.size, terms: this.index.dictionary.size };
  }

  /** The ids of the items indexed. */
  itemIds(): string[] {
    return this.slots.flatMap((s) => (s.meta ? [s.id] : []));
  }

  /** Each capture indexed, with the item it was indexed under. */
  captureItems(): Map<string, string> {
    return new Map([...this.captureSlot].map(([id, slot]) => [id, this.slots[slot]!.id]));
  }

  /**
   * The index as plain data (typed arrays and a few long strings, see `snapshot.ts`), to be stored with IndexedDB's
   * structured clone and given back to `fromSnapshot`. Capture text is never in it: a loaded index keeps none.
   */
  toSnapshot(): SearchSnapshot {
    const index = this.index.save();
    const F = FIELDS.length;
    const n = this.slots.length;
    const values: string[] = [];
    const codes = new Map<string, number>();
    const code = (v: string | null) => {
      if (v === null) return -1;
      let c = codes.get(v);
      if (c === undefined) codes.set(v, (c = values.push(v) - 1));
      return c;
    };
    const column = () => new Int32Array(n).fill(-1);
    const [clientId, status, kind, section, vendorId] = [column(), column(), column(), column(), column()];
    const tagStart = new Int32Array(n + 1);
    const tagCodes: number[] = [];
    const date: string[] = [];
    const createdAt: string[] = [];
    const text: string[] = [];
    const textLength = new Int32Array(n * F).fill(-1);
    const capIds: string[] = [];
    const capSlot: number[] = [];
    const capDoc: number[] = [];
    this.slots.forEach((s, slot) => {
      const m = s.meta;
      if (m) {
        clientId[slot] = code(m.clientId);
        status[slot] = code(m.status);
        kind[slot] = code(m.kind);
        section[slot] = code(m.section);
        vendorId[slot] = code(m.vendorId);
        for (const tag of m.tags) tagCodes.push(code(tag));
        const texts = this.docs[s.doc]?.texts;
        if (texts)
          texts.forEach((t, f) => {
            textLength[slot * F + f] = t.length;
            text.push(t);
          });
      }
      tagStart[slot + 1] = tagCodes.length;
      date.push(m?.date ?? '');
      createdAt.push(m?.createdAt ?? '');
      for (const [id, doc] of s.captures) {
        capIds.push(id);
        capSlot.push(slot);
        capDoc.push(doc);
      }
    });
    return {
      format: SEARCH_FORMAT,
      fields: FIELDS.map((f) => f.name),
      index,
      slots: {
        count: n,
        ids: this.slots.map((s) => s.id).join(SEP),
        doc: Int32Array.from(this.slots, (s) => (s.meta ? s.doc : -1)),
        values,
        clientId,
        status,
        kind,
        section,
        vendorId,
        tagStart,
        tagCodes: Int32Array.from(tagCodes),
        date: date.join(SEP),
        createdAt: createdAt.join(SEP),
        text: text.join(''),
        textLength,
      },
      captures: { ids: capIds.join(SEP), slot: Int32Array.from(capSlot), doc: Int32Array.from(capDoc) },
      freeSlots: [...this.freeSlots],
    };
  }

  /** An index from `toSnapshot`, answering exactly as the one saved; it keeps no capture text. */
  static fromSnapshot(snapshot: SearchSnapshot): LogSearch {
    if (snapshot.format !== SEARCH_FORMAT || snapshot.fields.join() !== FIELDS.map((f) => f.name).join())
      throw new Error(`search index format ${snapshot.format} is not ${SEARCH_FORMAT}`);
    const F = FIELDS.length;
    const search = new LogSearch({ captureText: false });
    search.index = TermIndex.load(snapshot.index);
    const s = snapshot.slots;
    const ids = s.count ? s.ids.split(SEP) : [];
    const dates = s.date.split(SEP);
    const created = s.createdAt.split(SEP);
    const value = (c: number) => (c < 0 ? null : s.values[c]!);
    let at = 0;
    for (let slot = 0; slot < s.count; slot++) {
      const id = ids[slot]!;
      const doc = s.doc[slot]!;
      search.slots[slot] = { id, doc, captures: new Map() };
      if (id === '') continue;
      search.slotOf.set(id, slot);
      if (doc < 0) continue;
      const tags: string[] = [];
      for (let t = s.tagStart[slot]!; t < s.tagStart[slot + 1]!; t++) tags.push(s.values[s.tagCodes[t]!]!);
      search.slots[slot]!.meta = {
        id,
        clientId: value(s.clientId[slot]!)!,
        status: value(s.status[slot]!) as ItemMeta['status'],
        kind: value(s.kind[slot]!) as ItemMeta['kind'],
        section: value(s.section[slot]!) as ItemMeta['section'],
        vendorId: value(s.vendorId[slot]!),
        tags,
        date: dates[slot]!,
        createdAt: created[slot]!,
      };
      search.itemCount += 1;
      let texts: string[] | null = null;
      if (s.textLength[slot * F]! >= 0) {
        texts = [];
        for (let f = 0; f < F; f++) {
          const length = s.textLength[slot * F + f]!;
          texts.push(length ? s.text.slice(at, at + length) : '');
          at += length;
        }
      }
      search.docs[doc] = { itemId: id, captureId: null, texts };
    }
    const c = snapshot.captures;
    const capIds = c.slot.length ? c.ids.split(SEP) : [];
    for (let i = 0; i < capIds.length; i++) {
      const slot = c.slot[i]!;
      const id = capIds[i]!;
      search.slots[slot]!.captures.set(id, c.doc[i]!);
      search.captureSlot.set(id, slot);
      search.docs[c.doc[i]!] = { itemId: search.slots[slot]!.id, captureId: id, texts: null };
    }
    search.freeSlots = [...snapshot.freeSlots];
    return search;
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
    const doc = captureDoc(capture);
    const n = this.index.add(slot, doc.texts!);
    this.docs[n] = this.captureText ? doc : { ...doc, texts: null };
    this.slots[slot]!.captures.set(capture.id, n);
    this.captureSlot.set(capture.id, slot);
  }

  private put(slot: number, doc: StoredDoc): number {
    const n = this.index.add(slot, doc.texts!);
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

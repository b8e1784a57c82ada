import { LogSearch } from '../../../shared/search';
import type { DocketDB } from '../../store/db';
import { writesTo } from './log-writes';

interface Indexed {
  index: LogSearch;
  /** The newest item `updatedAt` indexed so far: later edits are re-read from the updatedAt index. */
  since: string;
  items: Set<string>;
  /** Capture id → the item it was indexed under (a capture filed into another item must follow it). */
  captures: Map<string, string>;
  vendors: Map<string, string>;
  /** The database's write count (`writesTo`) the index has caught up with. */
  seen: number;
}

/** One index per open database (tests open many). */
const indexes = new WeakMap<DocketDB, Promise<Indexed>>();

/** Captures are read this many at a time. */
const PAGE = 2_000;
const capturesAfter = (db: DocketDB, id: string | null) =>
  (id === null ? db.captures.orderBy(':id') : db.captures.where(':id').above(id)).limit(PAGE).toArray();

async function build(db: DocketDB): Promise<Indexed> {
  const seen = writesTo(db); // before reading: a write during the build is caught up on first use
  const [items, vendors] = await Promise.all([db.items.toArray(), db.vendors.toArray()]);
  const index = new LogSearch();
  index.bulkLoad({ items, captures: [], vendors });
  // Captures a page at a time, the next read while this one is indexed: the ~100 MB of text of 50,000 clips is
  // never held at once, IndexedDB reads while the page tokenises, and the page gets the main thread back in between.
  const captures = new Map<string, string>();
  let next = capturesAfter(db, null);
  for (;;) {
    const page = await next;
    if (page.length === PAGE) next = capturesAfter(db, page.at(-1)!.id);
    for (const capture of page) {
      index.addCapture(capture);
      captures.set(capture.id, capture.itemId);
    }
    if (page.length < PAGE) break;
  }
  const since = items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), '');
  return {
    index,
    since,
    items: new Set(items.map((i) => i.id)),
    captures,
    vendors: new Map(vendors.map((v) => [v.id, v.name])),
    seen,
  };
}

/** Brings the index up to date with what changed since: edited items, new and removed items and captures, renamed vendors. */
async function catchUp(db: DocketDB, s: Indexed): Promise<void> {
  s.seen = writesTo(db); // before reading: a write during the catch-up is caught up next time
  const [itemIds, captureIds, vendors, edited] = await Promise.all([
    db.items.toCollection().primaryKeys(),
    db.captures.toCollection().primaryKeys(),
    db.vendors.toArray(),
    // aboveOrEqual: an edit in the same millisecond as the last one read is not missed (re-reading one is cheap).
    db.items.where('updatedAt').aboveOrEqual(s.since).toArray(),
  ]);
  for (const v of vendors) if (s.vendors.get(v.id) !== v.name) s.index.renameVendor(v.id, v.name);
  s.vendors = new Map(vendors.map((v) => [v.id, v.name]));
  for (const item of edited) {
    s.index.updateItem(item, { vendorName: (item.vendorId && s.vendors.get(item.vendorId)) || null });
    if (item.updatedAt > s.since) s.since = item.updatedAt;
  }
  const liveItems = new Set(itemIds);
  const removed = new Set([...s.items].filter((id) => !liveItems.has(id)));
  for (const id of removed) s.index.removeItem(id); // drops its captures from the index too
  // Items new to the index but dated earlier (an import) are not in the updatedAt range: add them by id.
  const seen = new Set(edited.map((i) => i.id));
  const fresh = itemIds.filter((id) => !s.items.has(id) && !seen.has(id));
  for (const item of await db.items.bulkGet(fresh))
    if (item) s.index.updateItem(item, { vendorName: (item.vendorId && s.vendors.get(item.vendorId)) || null });
  s.items = liveItems;
  const liveCaptures = new Set(captureIds);
  const stale = [...s.captures]
    .filter(([id, itemId]) => !liveCaptures.has(id) || removed.has(itemId))
    .map(([id]) => id);
  for (const id of stale) {
    s.index.removeCapture(id);
    s.captures.delete(id);
  }
  const toAdd = captureIds.filter((id) => !s.captures.has(id));
  for (const capture of await db.captures.bulkGet(toAdd)) {
    if (!capture) continue;
    s.index.addCapture(capture);
    s.captures.set(capture.id, capture.itemId);
  }
}

/**
 * The search index of the whole log: built once per page, then, after a write to the log, kept current by reading
 * only what changed (the updatedAt index, and primary keys to spot additions and removals).
 */
export async function logIndex(db: DocketDB): Promise<LogSearch> {
  let built = indexes.get(db);
  if (!built) indexes.set(db, (built = build(db)));
  const indexed = await built;
  if (indexed.seen !== writesTo(db)) await catchUp(db, indexed);
  return indexed.index;
}

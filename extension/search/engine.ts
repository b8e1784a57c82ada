/**
 * The search index of one log, kept current and kept in IndexedDB. It runs in the search worker (`worker.ts`), so
 * the log page's main thread never builds, loads or updates it; tests run it directly.
 *
 * - **Opening**: the saved index (`saved.ts`) is loaded, then caught up with what changed since it was saved (by
 *   this page or another, the popup, sync): items edited since its watermark by the items' `updatedAt` index, items
 *   and captures added or removed by their primary keys, vendors renamed. Searches meanwhile answer from the index
 *   as saved (progress 'updating'), and again once it is caught up ('ready').
 * - **No saved index** (first run, another format, another log schema, unreadable): it is built from the log, items
 *   first, then captures 2,000 at a time; searches meanwhile answer from what is indexed so far, with the progress.
 * - **Writes**: each search says how many writes the page has seen (`writesTo`); a different count catches up first.
 * - **Saving**: after a build, and a few seconds after the last catch-up that changed something.
 */
import type { Capture, Item } from '../../shared/domain';
import { LogSearch, SEARCH_FORMAT, type SearchFilters, type SearchHit } from '../../shared/search';
import type { DocketDB } from '../store/db';
import { SearchCache, type SavedIndex } from './saved';

/** Where the index is: what the search view says while it is not ready. */
export type IndexProgress =
  | { phase: 'loading' }
  /** The saved index answers while it catches up with what changed since it was saved; 'ready' follows. */
  | { phase: 'updating' }
  | { phase: 'building'; items: number; captures: number; capturesIndexed: number }
  | { phase: 'ready' };

export interface SearchAnswer {
  hits: SearchHit[];
  progress: IndexProgress;
}

export interface EngineOptions {
  /** Delay before an updated index is saved again (ms); default 3 s. */
  saveDelay?: number;
  /**
   * While a build runs, a search waits this long for it (ms; default 250), then answers from what is indexed so far;
   * null: always wait for the whole index (tests that want whole answers).
   */
  partialAfter?: number | null;
  /** Told of each step of a build, and when the index is ready. */
  onProgress?: (progress: IndexProgress) => void;
}

export interface Indexed {
  index: LogSearch;
  since: string;
  vendors: Map<string, string>;
  /** The page's write count (`writesTo`) the index has caught up with; null: catch up whatever the count. */
  seen: number | null;
}

/** Records read this many at a time (captures carry up to a few MB of text each). */
const PAGE = 2_000;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class SearchEngine {
  private readonly cache: SearchCache;
  private indexed: Indexed | null = null;
  /** The index being built, searchable while it grows. */
  private partial: LogSearch | null = null;
  private progress: IndexProgress = { phase: 'loading' };
  /** The saved index is loaded and catching up with the log (see `search`). */
  private updating = false;
  private opening: Promise<void> | null = null;
  /** Settles once there is something to search: the loaded index, or a build's items. */
  private searchable: Promise<void>;
  private nowSearchable: () => void = () => undefined;
  /** Catch-ups run one at a time. */
  private catching: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private closed = false;

  constructor(
    private readonly db: DocketDB,
    private readonly options: EngineOptions = {},
  ) {
    this.cache = new SearchCache(db.name);
    this.searchable = new Promise((resolve) => (this.nowSearchable = resolve));
  }

  /** Loads the saved index, or builds one; resolves when it is ready (searches do not wait for a build). */
  open(writes: number | null = null): Promise<void> {
    this.opening ??= this.loadOrBuild(writes);
    return this.opening;
  }

  /**
   * The hits for a query, over the whole log once the index is ready; during a build, over what is indexed so far.
   * `writes`: the page's write count (`writesTo`); a count the index has not seen catches it up first.
   */
  async search(query: string, filters: SearchFilters, limit: number, writes: number): Promise<SearchAnswer> {
    const opening = this.open(writes);
    const wait = this.options.partialAfter === undefined ? 250 : this.options.partialAfter;
    if (wait !== null)
      await Promise.race([
        opening,
        this.searchable.then(() => (this.updating ? undefined : new Promise((resolve) => setTimeout(resolve, wait)))),
      ]);
    if (wait !== null && this.updating && this.indexed) {
      // Opened from the saved index and catching up (listing the log's keys takes a second at 50,000 items): answer
      // from the index as saved now; 'ready' follows, on which the view asks again.
      return { hits: await this.run(this.indexed.index, query, filters, limit), progress: this.progress };
    }
    if (!this.indexed && this.partial) {
      // Building: answer from the items and the captures indexed so far, never wait minutes.
      return { hits: await this.run(this.partial, query, filters, limit), progress: this.progress };
    }
    await opening;
    const s = this.indexed!;
    if (s.seen !== writes) await this.catchUp(writes);
    return { hits: await this.run(s.index, query, filters, limit), progress: this.progress };
  }

  /** Saves now if anything is unsaved (tests, and a page about to close). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.catching;
    if (this.dirty) await this.save();
  }

  close(): void {
    this.closed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.cache.close();
  }

  /** The index itself, ready and caught up (tests and diagnostics). */
  async index(writes: number): Promise<LogSearch> {
    await this.search('', {}, 0, writes);
    return this.indexed!.index;
  }

  private run(index: LogSearch, query: string, filters: SearchFilters, limit: number): Promise<SearchHit[]> {
    return index.searchWith(query, filters, limit, (ids) => this.db.captures.bulkGet(ids));
  }

  private setProgress(progress: IndexProgress): void {
    this.progress = progress;
    this.options.onProgress?.(progress);
  }

  /** `writes`: the page's write count when it asked; the catch-up of a loaded index covers them. */
  private async loadOrBuild(writes: number | null): Promise<void> {
    const loaded = await this.load().catch((error: unknown) => {
      console.warn('Docket: the saved search index could not be read; building it again', error);
      return null;
    });
    if (loaded) {
      this.indexed = loaded;
      this.updating = true;
      this.setProgress({ phase: 'updating' });
      this.nowSearchable();
      await this.catchUp(writes).finally(() => (this.updating = false));
    } else {
      this.indexed = await this.build();
      this.dirty = true;
      this.scheduleSave(500);
    }
    this.setProgress({ phase: 'ready' });
  }

  private async load(): Promise<Indexed | null> {
    const saved = await this.cache.indexes.get('log');
    if (!saved) return null;
    if (saved.format !== SEARCH_FORMAT || saved.schema !== this.schema()) {
      await this.cache.indexes.delete('log');
      return null;
    }
    return {
      index: LogSearch.fromSnapshot(saved.snapshot),
      since: saved.since,
      vendors: new Map(saved.vendors),
      seen: null,
    };
  }

  private schema(): number {
    return this.db.verno;
  }

  private async build(): Promise<Indexed> {
    const db = this.db;
    const index = new LogSearch({ captureText: false });
    this.partial = index;
    const [items, vendors, captureCount] = await Promise.all([
      db.items.toArray(),
      db.vendors.toArray(),
      db.captures.count(),
    ]);
    const progress = { phase: 'building' as const, items: items.length, captures: captureCount, capturesIndexed: 0 };
    this.setProgress(progress);
    const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
    for (let i = 0; i < items.length; i += PAGE) {
      for (const item of items.slice(i, i + PAGE)) index.addItem(item, context(vendorName, item));
      await tick(); // searches are answered between pages
    }
    this.nowSearchable();
    // Captures a page at a time, the next read while this one is indexed: the ~100 MB of text of 50,000 clips is
    // never held at once.
    let next = capturesAfter(db, null);
    for (;;) {
      const page = await next;
      if (page.length === PAGE) next = capturesAfter(db, page.at(-1)!.id);
      for (const capture of page) index.addCapture(capture);
      progress.capturesIndexed += page.length;
      this.setProgress({ ...progress });
      if (page.length < PAGE) break;
    }
    this.partial = null;
    const since = items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), '');
    // seen: null, so the first search catches up with whatever was written while the build read the log.
    return { index, since, vendors: vendorName, seen: null };
  }

  private catchUp(writes: number | null): Promise<void> {
    const run = this.catching.then(async () => {
      const s = this.indexed!;
      if (writes !== null && s.seen === writes) return; // a catch-up queued before this one already saw it
      const changed = await catchUp(this.db, s);
      s.seen = writes;
      if (changed) {
        this.dirty = true;
        this.scheduleSave();
      }
    });
    this.catching = run.catch(() => undefined);
    return run;
  }

  private scheduleSave(delay = this.options.saveDelay ?? 3_000): void {
    if (this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.catching
        .then(() => this.save())
        .catch((error: unknown) => {
          console.warn('Docket: the search index could not be saved', error);
        });
    }, delay);
  }

  private async save(): Promise<void> {
    const s = this.indexed;
    if (!s || this.closed) return;
    this.dirty = false;
    const row: SavedIndex = {
      key: 'log',
      format: SEARCH_FORMAT,
      schema: this.schema(),
      savedAt: new Date().toISOString(),
      since: s.since,
      vendors: [...s.vendors],
      snapshot: s.index.toSnapshot(),
    };
    await this.cache.indexes.put(row);
  }
}

const context = (vendors: Map<string, string>, item: Item) => ({
  vendorName: (item.vendorId && vendors.get(item.vendorId)) || null,
});

const capturesAfter = (db: DocketDB, id: string | null): Promise<Capture[]> =>
  (id === null ? db.captures.orderBy(':id') : db.captures.where(':id').above(id)).limit(PAGE).toArray();

/** Reads records by id a page at a time (50,000 new captures are never held at once). */
async function inPages<T>(
  ids: string[],
  read: (ids: string[]) => Promise<(T | undefined)[]>,
  each: (record: T) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += PAGE)
    for (const record of await read(ids.slice(i, i + PAGE))) if (record) each(record);
}

/**
 * Brings the index up to date with the log: edited items, new and removed items and captures, renamed vendors.
 * Returns whether anything changed.
 */
export async function catchUp(db: DocketDB, s: Indexed): Promise<boolean> {
  const [itemIds, captureIds, vendors, edited] = await Promise.all([
    db.items.toCollection().primaryKeys(),
    db.captures.toCollection().primaryKeys(),
    db.vendors.toArray(),
    // aboveOrEqual: an edit in the same millisecond as the last one read is not missed (re-reading one is cheap).
    db.items.where('updatedAt').aboveOrEqual(s.since).toArray(),
  ]);
  let changed = false;
  const renamed = vendors.filter((v) => s.vendors.has(v.id) && s.vendors.get(v.id) !== v.name);
  s.vendors = new Map(vendors.map((v) => [v.id, v.name]));
  for (const v of renamed) s.index.renameVendor(v.id, v.name);
  changed ||= renamed.length > 0;
  const known = new Set(s.index.itemIds());
  for (const item of edited) {
    // Re-reading the newest edit again (aboveOrEqual) changes nothing: only count real changes.
    if (item.updatedAt > s.since || !known.has(item.id)) changed = true;
    s.index.updateItem(item, context(s.vendors, item));
    if (item.updatedAt > s.since) s.since = item.updatedAt;
  }
  const live = new Set(itemIds);
  const removed = [...known].filter((id) => !live.has(id));
  for (const id of removed) s.index.removeItem(id); // drops its captures from the index too
  // Items new to the index but dated earlier (an import, a pull from sync) are not in the updatedAt range.
  const seen = new Set(edited.map((i) => i.id));
  const fresh = itemIds.filter((id) => !known.has(id) && !seen.has(id));
  await inPages(
    fresh,
    (ids) => db.items.bulkGet(ids),
    (item) => s.index.updateItem(item, context(s.vendors, item)),
  );
  const liveCaptures = new Set(captureIds);
  const indexed = s.index.captureItems();
  const gone = new Set(removed);
  let dropped = 0;
  for (const [id, itemId] of indexed)
    if (!liveCaptures.has(id) || gone.has(itemId)) {
      s.index.removeCapture(id);
      indexed.delete(id);
      dropped += 1;
    }
  const toAdd = captureIds.filter((id) => !indexed.has(id));
  await inPages(
    toAdd,
    (ids) => db.captures.bulkGet(ids),
    (capture) => s.index.addCapture(capture),
  );
  return changed || removed.length > 0 || fresh.length > 0 || dropped > 0 || toAdd.length > 0;
}

import { useEffect, useState } from 'preact/hooks';
import {
  type Client,
  type Item,
  ItemKind,
  ItemStatus,
  SECTION_LABEL,
  SECTIONS,
  type Section,
  STATUS_LABEL,
} from '../../../shared/domain';
import { KIND_LABEL } from '../../../shared/domain/labels';
import type { SearchFilters, SearchHit } from '../../../shared/search';
import type { DocketDB } from '../../store/db';
import { EmptyState } from '../EmptyState';
import type { Route } from '../log/route';
import { useLive } from '../use-live';
import { type IndexProgress, logSearch } from '../../search/client';
import { watchLog } from './log-writes';

interface Props {
  db: DocketDB;
  clients: Client[];
  route: Route;
  go: (patch: Partial<Route>) => void;
}

/** Where the words were found, said the way the item panel names its parts. */
const MATCHED_LABEL: Record<SearchHit['matchedIn'], string> = {
  item: 'Item',
  decision: 'Decision',
  capture: 'Evidence',
};

const one = <T,>(v: string) => (v ? [v as T] : undefined);

/** Full text over items, decisions and captured text, with filters. Type in the box on the left (`/`). */
export function SearchView({ db, clients, route, go }: Props) {
  const [filters, setFilters] = useState({
    clientId: route.client ?? '',
    status: '',
    kind: '',
    section: '',
    vendorId: '',
    tag: '',
    from: '',
    to: '',
  });
  // The hits with their items (title, client), read for the hits only: reading every item of a large log on each
  // change would cost more than the search itself.
  const [found, setFound] = useState<{ hits: SearchHit[]; items: Map<string, Item>; progress: IndexProgress } | null>(
    null,
  );
  // Any write to the log (here, in the popup, or by sync) re-runs the search; so does each step of a first build.
  const [writes, setWrites] = useState(0);
  useEffect(() => watchLog(db, () => setWrites((n) => n + 1)), [db]);
  useEffect(() => logSearch(db).watch(() => setWrites((n) => n + 1)), [db]);
  const vendors = useLive(() => db.vendors.toArray(), []) ?? [];
  const set = (key: keyof typeof filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    let live = true;
    const query: SearchFilters = {
      clientId: filters.clientId || undefined,
      status: one(filters.status),
      kind: one(filters.kind),
      section: one<Section>(filters.section),
      vendorId: filters.vendorId || undefined,
      tag: filters.tag || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
    };
    void (async () => {
      const { hits, progress } = await logSearch(db).search(route.q, query, 100);
      const items = new Map(
        (await db.items.bulkGet(hits.map((h) => h.itemId))).flatMap((i) => (i ? [[i.id, i] as const] : [])),
      );
      // A hit from an index still catching up may name an item deleted since: it is not shown.
      if (live) setFound({ hits: hits.filter((h) => items.has(h.itemId)), progress, items });
    })();
    return () => {
      live = false;
    };
  }, [db, route.q, filters, writes]);
  const hits = found?.hits;
  const progress = found?.progress;
  const partial = progress?.phase === 'building';

  return (
    <section aria-label="Search results">
      <h2>{route.q ? `Search: “${route.q}”` : 'Search'}</h2>
      <div class="filters">
        <select aria-label="Client" value={filters.clientId} onChange={(e) => set('clientId', e.currentTarget.value)}>
          <option value="">All clients</option>
          {clients.map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
        </select>
        <select aria-label="Status" value={filters.status} onChange={(e) => set('status', e.currentTarget.value)}>
          <option value="">Any status</option>
          {ItemStatus.options.map((s) => (
            <option value={s}>{STATUS_LABEL[s]}</option>
          ))}
        </select>
        <select aria-label="Kind" value={filters.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
          <option value="">Any kind</option>
          {ItemKind.options.map((k) => (
            <option value={k}>{KIND_LABEL[k]}</option>
          ))}
        </select>
        <select aria-label="Section" value={filters.section} onChange={(e) => set('section', e.currentTarget.value)}>
          <option value="">Any section</option>
          {SECTIONS.map((s) => (
            <option value={s}>{SECTION_LABEL[s]}</option>
          ))}
        </select>
        <select aria-label="Vendor" value={filters.vendorId} onChange={(e) => set('vendorId', e.currentTarget.value)}>
          <option value="">Any vendor</option>
          {vendors
            .filter((v) => !filters.clientId || v.clientId === filters.clientId)
            .map((v) => (
              <option value={v.id}>{v.name}</option>
            ))}
        </select>
        <input
          aria-label="Tag"
          placeholder="tag"
          value={filters.tag}
          onInput={(e) => set('tag', e.currentTarget.value)}
        />
        <input aria-label="From" type="date" value={filters.from} onInput={(e) => set('from', e.currentTarget.value)} />
        <input aria-label="To" type="date" value={filters.to} onInput={(e) => set('to', e.currentTarget.value)} />
      </div>
      {partial && (
        <p class="notice" role="status" data-testid="search-progress">
          Preparing search for this browser: {progress.capturesIndexed.toLocaleString()} of{' '}
          {progress.captures.toLocaleString()} captures indexed. Titles, decisions and notes of all{' '}
          {progress.items.toLocaleString()} items are searched already; captured text only as far as indexed, so more
          results may appear.
        </p>
      )}
      {hits && hits.length === 0 && !partial && (
        <EmptyState title={route.q ? `Nothing matches “${route.q}”.` : 'Nothing matches these filters.'}>
          Try fewer or shorter words (the last one is read as a prefix), or set a filter back to “Any”.
        </EmptyState>
      )}
      <ul class="items" data-testid="search-results">
        {hits?.map((h) => {
          const item = found?.items.get(h.itemId);
          return (
            <li>
              <button
                type="button"
                data-nav-item
                aria-current={h.itemId === route.item}
                onClick={() => go({ item: h.itemId, client: item?.clientId ?? route.client })}
              >
                <span class="title">{item?.title ?? h.itemId}</span>
                <span class="badge">{MATCHED_LABEL[h.matchedIn]}</span>
                {/* Plain text, rendered as text: the index strips Markdown and the snippet its escapes. */}
                <span class="meta snippet">{h.snippet}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Filters, evaluated on the small in-memory ItemMeta of each candidate (never on records), and the date order the
 * empty query lists items in.
 */
import { fold } from './text';
import type { ItemMeta, SearchFilters } from './types';

export type ItemPredicate = (meta: ItemMeta) => boolean;

const given = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

/** A predicate for the filters, or `null` when they constrain nothing (so callers can skip the check entirely). */
export function predicate(filters: SearchFilters): ItemPredicate | null {
  const { clientId, vendorId, from, to } = filters;
  const status = given(filters.status) ? new Set<string>(filters.status) : null;
  const kind = given(filters.kind) ? new Set<string>(filters.kind) : null;
  const section = given(filters.section) ? new Set<string>(filters.section) : null;
  const tag = filters.tag?.trim() ? fold(filters.tag.trim()) : null;
  if (!clientId && !vendorId && !from && !to && !status && !kind && !section && !tag) return null;
  return (m) =>
    (!clientId || m.clientId === clientId) &&
    (!vendorId || m.vendorId === vendorId) &&
    (!status || status.has(m.status)) &&
    (!kind || kind.has(m.kind)) &&
    (!section || section.has(m.section)) &&
    (!from || m.date >= from) &&
    (!to || m.date <= to) &&
    (!tag || m.tags.includes(tag));
}

/** Newest first: date, then creation instant, then id, all descending. */
export function byDateDesc(a: ItemMeta, b: ItemMeta): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Items kept sorted newest first, so an empty query walks from the top and stops after `limit` matches instead of
 * sorting the whole log. Built on first use; then each change is a binary search and one splice.
 */
export class DateOrder {
  private list: ItemMeta[] | null = null;

  constructor(private readonly all: () => Iterable<ItemMeta>) {}

  private sorted(): ItemMeta[] {
    this.list ??= [...this.all()].sort(byDateDesc);
    return this.list;
  }

  private position(meta: ItemMeta): number {
    const list = this.list ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byDateDesc(list[mid]!, meta) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(meta: ItemMeta): void {
    if (this.list) this.list.splice(this.position(meta), 0, meta);
  }

  remove(meta: ItemMeta): void {
    if (!this.list) return;
    const at = this.position(meta);
    if (this.list[at] === meta) this.list.splice(at, 1);
    else this.list = null; // should not happen; rebuild rather than list a stale item
  }

  reset(): void {
    this.list = null;
  }

  /** The first `limit` items passing `keep`, newest first. */
  take(keep: ItemPredicate | null, limit: number): ItemMeta[] {
    const out: ItemMeta[] = [];
    for (const meta of this.sorted()) {
      if (out.length >= limit) break;
      if (!keep || keep(meta)) out.push(meta);
    }
    return out;
  }
}

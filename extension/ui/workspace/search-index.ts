import { LogSearch } from '../../../shared/search';
import type { DocketDB } from '../../store/db';

let cached: { signature: string; index: LogSearch } | null = null;

/** What changes whenever the indexed data does: counts and the latest edit. Cheap to read from indexes. */
async function signatureOf(db: DocketDB): Promise<string> {
  const [items, captures, vendors, last] = await Promise.all([
    db.items.count(),
    db.captures.count(),
    db.vendors.count(),
    db.items.orderBy('updatedAt').last(),
  ]);
  return `${items}:${captures}:${vendors}:${last?.updatedAt ?? ''}`;
}

/**
 * The search index of the whole log, built once and rebuilt only when the log changed since.
 * (Incremental updates from the change feed come with sync; until then a change means one rebuild.)
 */
export async function logIndex(db: DocketDB): Promise<LogSearch> {
  const signature = await signatureOf(db);
  if (cached?.signature === signature) return cached.index;
  const [items, captures, vendors] = await Promise.all([
    db.items.toArray(),
    db.captures.toArray(),
    db.vendors.toArray(),
  ]);
  const index = new LogSearch();
  index.bulkLoad({ items, captures, vendors });
  cached = { signature, index };
  return index;
}

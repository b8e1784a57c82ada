import { Dexie, type EntityTable } from 'dexie';
import type { SearchSnapshot } from '../../shared/search';

/** The saved search index of one log, with the watermark of what it has seen. */
export interface SavedIndex {
  key: 'log';
  /** SEARCH_FORMAT when saved: another format is never read. */
  format: number;
  /** The log database's schema version when saved: an upgrade of the log may rewrite records, so it rebuilds. */
  schema: number;
  savedAt: string;
  /** The newest item `updatedAt` indexed: later edits are read from the items' updatedAt index. */
  since: string;
  /** Vendor id → name as indexed: a renamed vendor re-indexes its items. */
  vendors: [string, string][];
  snapshot: SearchSnapshot;
}

/**
 * The search index kept in IndexedDB, in a database of its own beside each log database (`docket` →
 * `docket-search-docket`): a derived cache that is rebuilt whenever it is missing, unreadable or of another format,
 * so it never takes part in the log's schema, its upgrades or its sync.
 */
export class SearchCache extends Dexie {
  indexes!: EntityTable<SavedIndex, 'key'>;

  constructor(logName: string) {
    super(searchCacheName(logName));
    this.version(1).stores({ indexes: 'key' });
  }
}

export const searchCacheName = (logName: string) => `docket-search-${logName}`;

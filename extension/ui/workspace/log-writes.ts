import type { Dexie } from 'dexie';
import type { DocketDB } from '../../store/db';

/** The tables the search index is made of: a write elsewhere (history, outbox, settings) changes nothing it holds. */
const INDEXED = new Set(['items', 'captures', 'vendors']);

/**
 * Writes to the indexed tables, per database name, as Dexie reports them: on commit in this page, and from the
 * popup, the side panel and the background (sync) over its BroadcastChannel — what every live query of the log
 * page already relies on. With no write since the last look, a search need read nothing from IndexedDB: even the
 * primary keys of 50,000 captures take IndexedDB longer to list than the whole search budget.
 */
const writes = new Map<string, number>();
const watchers = new Map<string, Set<() => void>>();
let listening = false;

function listen(db: DocketDB): void {
  if (listening) return;
  listening = true;
  // The events of the Dexie the database was made with (not a second import of it, loaded before IndexedDB may be).
  (db.constructor as typeof Dexie).on('storagemutated', (parts) => {
    const changed = new Set<string>();
    for (const part of Object.keys(parts)) {
      // "idb://<database>/<table>/<index>", or "all" (e.g. a page back from the back-forward cache)
      const [name, table] = part === 'all' ? [null, null] : part.replace(/^idb:\/\//, '').split('/');
      if (name === null) for (const known of writes.keys()) changed.add(known);
      else if (INDEXED.has(table ?? '')) changed.add(name);
    }
    for (const name of changed) {
      writes.set(name, (writes.get(name) ?? 0) + 1);
      for (const watcher of watchers.get(name) ?? []) watcher();
    }
  });
}

/** How many writes the indexed tables of `db` have seen: compare two readings to know whether anything changed. */
export function writesTo(db: DocketDB): number {
  listen(db);
  if (!writes.has(db.name)) writes.set(db.name, 0); // known, so an "all" event counts for it too
  return writes.get(db.name)!;
}

/** Calls `fn` after each write to the indexed tables of `db`; returns the way to stop. */
export function watchLog(db: DocketDB, fn: () => void): () => void {
  writesTo(db);
  const set = watchers.get(db.name) ?? new Set();
  watchers.set(db.name, set.add(fn));
  return () => set.delete(fn);
}

import type { Page } from 'playwright-core';
import { generateLog } from '../../../bench/data/log';
import type { HistoryEntry } from '../../../shared/domain';
import type { ClientLog } from '../../../shared/export';

export type ClientLogFile = ClientLog;

/**
 * A client log file grown by `count` generated items with a capture each (filed in the Inbox, no vendor), and the
 * "created" history entry of each, as a backup or another Docket would bring them.
 */
export function withGeneratedItems(file: ClientLogFile, count: number): ClientLogFile {
  const log = generateLog({ items: count, clients: 1, captureChars: 400, seed: 7 });
  const clientId = file.client.id;
  const items = log.items.map((i) => ({ ...i, clientId, meetingId: null, vendorId: null, status: 'inbox' as const }));
  const captures = log.captures.map((c) => ({ ...c, clientId }));
  const created = (entity: 'item' | 'capture', id: string, itemId: string, at: string, title: string) =>
    ({
      id: `${id}-created`.slice(0, 64),
      entity,
      entityId: id,
      itemId,
      action: 'create',
      at,
      by: 'Alice Martin',
      changes: [{ field: 'title', from: null, to: title }],
    }) satisfies HistoryEntry;
  const history = [
    ...items.map((i) => created('item', i.id, i.id, i.createdAt, i.title)),
    ...captures.map((c) => created('capture', c.id, c.itemId, c.capturedAt, c.source.title)),
  ];
  return {
    ...file,
    items: [...file.items, ...items],
    captures: [...file.captures, ...captures],
    history: [...file.history, ...history],
  };
}

/** How many of these items, their captures and their "created" history entries a profile's database holds. */
export function storedOn(page: Page, itemIds: string[]) {
  return page.evaluate(async (ids) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('docket');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as T[]);
        req.onerror = () => fail(req.error);
      });
    const wanted = new Set(ids);
    const [items, captures, history] = await Promise.all([
      all<{ id: string }>('items'),
      all<{ itemId: string }>('captures'),
      all<{ entityId: string; action: string; entity: string }>('history'),
    ]);
    db.close();
    return {
      items: items.filter((i) => wanted.has(i.id)).length,
      captures: captures.filter((c) => wanted.has(c.itemId)).length,
      created: history.filter((h) => h.entity === 'item' && h.action === 'create' && wanted.has(h.entityId)).length,
    };
  }, itemIds);
}

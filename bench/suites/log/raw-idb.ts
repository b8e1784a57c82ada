// In the bench page: the bulk-write baseline, plain IndexedDB with no library and no indexes.

const NAME = 'docket-bench-raw';
const STORES = ['items', 'captures'] as const;

const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result as T);
    r.onerror = () => reject(r.error);
  });

/** A new, empty bare database: object stores keyed by `id`, nothing else. */
async function fresh(): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(NAME));
  const opening = indexedDB.open(NAME, 1);
  opening.onupgradeneeded = () => {
    for (const store of STORES) opening.result.createObjectStore(store, { keyPath: 'id' });
  };
  return request<IDBDatabase>(opening);
}

/** Times `put`s of every item and capture into a fresh bare database, in one transaction, until it commits. */
export async function rawPuts(items: readonly object[], captures: readonly object[]): Promise<number> {
  const db = await fresh();
  try {
    const start = performance.now();
    const tx = db.transaction([...STORES], 'readwrite');
    const itemStore = tx.objectStore('items');
    const captureStore = tx.objectStore('captures');
    for (const item of items) itemStore.put(item);
    for (const capture of captures) captureStore.put(capture);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    return performance.now() - start;
  } finally {
    db.close();
  }
}

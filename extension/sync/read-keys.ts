import type { Table } from 'dexie';

/**
 * The stored values of `keys`, by key. Keys that are dense in the store, as a snapshot page's are (it lists records
 * in key order), are read as one key range: a single IndexedDB request instead of one per key. A range that turns
 * out to hold many other records falls back to reading key by key (pipelined, still one transaction).
 */
export async function readKeys<T, TInsert>(
  table: Table<T, string, TInsert>,
  keys: readonly string[],
  keyOf: (value: T) => string,
  dense: boolean,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (!keys.length) return found;
  if (dense) {
    let low = keys[0]!;
    let high = keys[0]!;
    for (const key of keys) {
      if (key < low) low = key;
      if (key > high) high = key;
    }
    const limit = keys.length * 2 + 16;
    const inRange = await table.where(':id').between(low, high, true, true).limit(limit).toArray();
    if (inRange.length < limit) {
      const wanted = new Set(keys);
      for (const value of inRange) if (wanted.has(keyOf(value))) found.set(keyOf(value), value);
      return found;
    }
  }
  const values = await table.bulkGet([...keys]);
  values.forEach((value, i) => value !== undefined && found.set(keys[i]!, value));
  return found;
}

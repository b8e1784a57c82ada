/**
 * Push batches of new work, as a replica sends after capturing items: every field of new items and their captures,
 * with ids never seen before on each call, so no run merges into records an earlier run wrote.
 */
import type { Change } from '../../../shared/sync/protocol';
import { logToChanges } from '../../data/changes';
import { generateLog, type Log } from '../../data/log';
import { seededId } from '../../data/prng';

// An item and its capture are about 35 changes: a 1,000-change push is some 29 captured items.
const ITEMS = 40;

export function freshChanges(node: string): (size: number) => Change[] {
  const log: Log = generateLog({ items: ITEMS, seed: 7 });
  let next = 0;
  return (size) => {
    const pairs = Math.ceil(size / 30);
    const changes = logToChanges(
      {
        clients: [],
        vendors: [],
        meetings: [],
        items: log.items.slice(0, pairs),
        captures: log.captures.slice(0, pairs),
      },
      node,
    ).slice(0, size);
    if (changes.length < size) throw new Error(`a fresh batch holds at most ${changes.length} changes`);
    // New ids for the records, and for the capture's link to its item.
    const ids = new Map<string, string>();
    const renamed = (id: string) => ids.get(id) ?? ids.set(id, seededId(9, next++)).get(id)!;
    for (const change of changes) renamed(change.id);
    return changes.map((change) => ({
      ...change,
      id: renamed(change.id),
      value: typeof change.value === 'string' && ids.has(change.value) ? ids.get(change.value)! : change.value,
    }));
  };
}

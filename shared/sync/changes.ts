import { canonicalJson } from './merge';
import { TOMBSTONE } from './constants';
import type { Change, Hlc, SyncTable } from './protocol';

/**
 * The field-level changes for one local write, to go into the outbox in the same transaction as the write:
 * a new record sets all its fields, an update sets the fields that differ (by canonical JSON), a delete is one
 * tombstone. `id` is the change's own id, never a field. `hlcFor` is called once per change, in field-name order;
 * `baseOf(field)` is the stamp of the value this replica holds for the field (null: none), which tells the
 * merge whether the write saw the value it replaces.
 *
 * A field missing from `after` (or undefined) produces no change: the protocol has no "unset", and every domain
 * schema fills all its fields.
 */
export function diffToChanges(
  table: SyncTable,
  id: string,
  before: object | null,
  after: object | null,
  hlcFor: () => Hlc,
  baseOf: (field: string) => Hlc | null,
): Change[] {
  if (!after) {
    if (!before) return [];
    return [{ table, id, field: TOMBSTONE, value: true, hlc: hlcFor(), base: baseOf(TOMBSTONE) }];
  }
  const old = before as Record<string, unknown> | null;
  const next = after as Record<string, unknown>;
  const changes: Change[] = [];
  for (const field of Object.keys(next).sort()) {
    if (field === 'id' || field === TOMBSTONE) continue;
    const value = next[field];
    if (value === undefined) continue;
    if (old && Object.prototype.hasOwnProperty.call(old, field) && canonicalJson(old[field]) === canonicalJson(value)) {
      continue;
    }
    changes.push({ table, id, field, value, hlc: hlcFor(), base: baseOf(field) });
  }
  return changes;
}

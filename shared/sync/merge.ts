import { canonicalJson } from '../ledger/canonical';
import { compareHlc } from './hlc';
import { TOMBSTONE } from './constants';
import type { Change, Hlc, SyncTable } from './protocol';

/**
 * Last-writer-wins per field by HLC: the same code on every replica and on the server, so all of them end in the
 * same state whatever order the changes arrive in. A value that loses to a write that did not see it is returned
 * as a conflict for history: nothing is dropped silently.
 */
export type FieldState = { value: unknown; hlc: Hlc; replicaId?: string };
export type RecordFields = Record<string, FieldState>;
export type Conflict = {
  table: SyncTable;
  id: string;
  field: string;
  kept: FieldState;
  lost: FieldState & { replicaId?: string };
};
export type IncomingChange = Change & { replicaId?: string };
export type Applied = { fields: RecordFields; changed: boolean; conflict: Conflict | null };

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Canonical JSON now lives with the ledger (it is hashed and signed there); re-exported for existing callers. */
export { canonicalJson };

function stateOf(change: IncomingChange): FieldState {
  const state: FieldState = { value: change.value, hlc: change.hlc };
  if (change.replicaId !== undefined) state.replicaId = change.replicaId;
  return state;
}

/**
 * Merges one field-level change into a record's fields. Newer stamp wins; an equal stamp with an equal value is the
 * same change again (a no-op). Equal stamps with different values cannot come from a correct replica, but are still
 * ordered (by canonical JSON) so replicas converge. A conflict is reported when the writer had not seen the current
 * value (`base` differs from its stamp) and the values differ; `lost` is the loser, whichever side it is.
 * `current` is never mutated; when nothing changes the same object comes back.
 */
export function applyChange(current: RecordFields | undefined, change: IncomingChange): Applied {
  const incoming = stateOf(change);
  const cur = current && hasOwn(current, change.field) ? current[change.field] : undefined;
  if (!current || !cur) return { fields: { ...current, [change.field]: incoming }, changed: true, conflict: null };

  const incomingJson = canonicalJson(incoming.value);
  const currentJson = canonicalJson(cur.value);
  if (change.hlc === cur.hlc && incomingJson === currentJson)
    return { fields: current, changed: false, conflict: null };

  const byStamp = compareHlc(change.hlc, cur.hlc);
  const wins = byStamp > 0 || (byStamp === 0 && incomingJson > currentJson);
  const concurrent = change.base !== cur.hlc;
  const conflict: Conflict | null =
    concurrent && incomingJson !== currentJson
      ? {
          table: change.table,
          id: change.id,
          field: change.field,
          kept: wins ? incoming : cur,
          lost: wins ? cur : incoming,
        }
      : null;
  if (!wins) return { fields: current, changed: false, conflict };
  return { fields: { ...current, [change.field]: incoming }, changed: true, conflict };
}

export function recordKey(table: SyncTable, id: string): string {
  return `${table}:${id}`;
}

/** Applies changes in order to a map of records keyed by `recordKey`, mutating it. */
export function applyChanges(
  state: Map<string, RecordFields>,
  changes: Iterable<IncomingChange>,
): { changed: Set<string>; conflicts: Conflict[] } {
  const changed = new Set<string>();
  const conflicts: Conflict[] = [];
  for (const change of changes) {
    const key = recordKey(change.table, change.id);
    const result = applyChange(state.get(key), change);
    if (result.changed) {
      state.set(key, result.fields);
      changed.add(key);
    }
    if (result.conflict) conflicts.push(result.conflict);
  }
  return { changed, conflicts };
}

/**
 * Deletes win for the record: once a tombstone is in, the record stays deleted, even if a field write with a higher
 * stamp arrives. That write is still kept in the fields (and history), so nobody's edit disappears unseen.
 */
export function isDeleted(fields: RecordFields | undefined): boolean {
  return !!fields && hasOwn(fields, TOMBSTONE);
}

/** The plain values of a record's fields, e.g. for `recordFromFields`. */
export function valuesOf(fields: RecordFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, state] of Object.entries(fields)) values[field] = state.value;
  return values;
}

/**
 * Whether a conflict is worth a person's attention. `updatedAt` is rewritten by every edit, so two concurrent edits
 * of different fields also "conflict" on it; that one is bookkeeping, kept in history but not shown for review.
 */
export function needsReview(conflict: Conflict): boolean {
  return conflict.field !== 'updatedAt' && conflict.field !== TOMBSTONE;
}

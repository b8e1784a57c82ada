import { applyChange, type Conflict, type IncomingChange, type RecordFields } from './merge';

/** What merging a record's changes did: its fields after them, and what each change did. */
export type RecordMerge<C extends IncomingChange> = {
  /** the record's fields after every change (`current` itself when none changed it) */
  fields: RecordFields | undefined;
  /** whether any change altered the fields */
  changed: boolean;
  /** the changes that won, in order, each with the value it replaced (undefined when the field was new) */
  won: { change: C; from: unknown }[];
  /** every conflict, in order, with the change that met it (updatedAt's included: callers filter) */
  conflicts: { change: C; conflict: Conflict }[];
};

/**
 * Merges one record's incoming changes, in order, into its current fields, field by field with `applyChange`:
 * the one merge the server (server/sync/merge-batch.ts) and every replica (extension/sync/apply-remote.ts) run, so
 * they end in the same state. `changes` all belong to the record; `current` is never mutated.
 */
export function mergeRecord<C extends IncomingChange>(
  current: RecordFields | undefined,
  changes: Iterable<C>,
): RecordMerge<C> {
  let fields = current;
  let changed = false;
  const won: RecordMerge<C>['won'] = [];
  const conflicts: RecordMerge<C>['conflicts'] = [];
  for (const change of changes) {
    const from = fields?.[change.field]?.value;
    const result = applyChange(fields, change);
    fields = result.fields;
    if (result.changed) {
      changed = true;
      won.push({ change, from });
    }
    if (result.conflict) conflicts.push({ change, conflict: result.conflict });
  }
  return { fields, changed, won, conflicts };
}

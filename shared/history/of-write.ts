import { canonicalJson } from '../sync/merge';
import type { Entity, FieldChange, HistoryEntry } from '../domain';

/** Fields history leaves out: ids and timestamps are the entry's own who and when. */
export const BOOKKEEPING: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', '_deleted']);

/**
 * Fields whose value the record itself keeps and history does not copy when the record is made: a capture's text
 * (up to megabytes, and never rewritten: a change to it is a new capture). The record shows it; a second copy in
 * every "added evidence" entry doubled what an import or a first sync wrote.
 */
export const KEPT_BY_RECORD: Partial<Record<Entity, ReadonlySet<string>>> = { capture: new Set(['markdown']) };

/** A "create" entry as this log keeps it: without the text its record keeps (an imported file's entries carry it). */
export function withoutKeptText(entry: HistoryEntry): HistoryEntry {
  const kept = entry.action === 'create' ? KEPT_BY_RECORD[entry.entity] : undefined;
  if (!kept || !entry.changes.some((c) => kept.has(c.field))) return entry;
  return { ...entry, changes: entry.changes.filter((c) => !kept.has(c.field)) };
}

/**
 * What one write changed, as history keeps it: each field that changed, from what to what (compared by canonical
 * JSON, as sync compares them). A new record lists its fields (but not the text its record keeps); a deleted one
 * lists every field it had, going to null, unless `deleteChanges` says what history should say instead.
 */
export function historyOfWrite(
  entity: Entity,
  before: object | null,
  after: object | null,
  deleteChanges?: FieldChange[],
): FieldChange[] {
  const old = (before ?? {}) as Record<string, unknown>;
  if (!after) {
    if (deleteChanges) return deleteChanges;
    return Object.keys(old)
      .filter((f) => !BOOKKEEPING.has(f) && old[f] !== undefined)
      .map((field) => ({ field, from: old[field] ?? null, to: null }));
  }
  const next = after as Record<string, unknown>;
  const kept = before ? null : KEPT_BY_RECORD[entity];
  const changes: FieldChange[] = [];
  for (const field of Object.keys(next)) {
    if (BOOKKEEPING.has(field) || kept?.has(field)) continue;
    const to = next[field];
    if (to === undefined) continue;
    const from = old[field] ?? null;
    if (before && canonicalJson(from) === canonicalJson(to)) continue;
    changes.push({ field, from, to: to ?? null });
  }
  return changes;
}

import type { FieldChange } from './domain';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between two versions of a record, from what to what.
 * `before` null means the record is new: every given field is a change from null.
 * Bookkeeping fields (ids, timestamps) are left out: history records them as who/when.
 */
export function fieldChanges<T extends object>(
  before: T | null,
  after: T,
  ignore: readonly string[] = ['id', 'createdAt', 'updatedAt', 'createdBy'],
): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const from = before ? ((before as Record<string, unknown>)[field] ?? null) : null;
    const to = (after as Record<string, unknown>)[field] ?? null;
    if (!same(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

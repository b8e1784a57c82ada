/**
 * The field stamps of a synced record, kept in the record's own row under one reserved key: the stamp (hybrid
 * logical clock) of each field's current value, which the next local write of that field names as its `base` and
 * the merge compares. One row per record instead of a row and a stamps row: half the writes of a first sync.
 *
 * Domain code never sees the key: the zod schemas strip unknown keys when a record is validated, and the readers
 * that hand records outside (exports, history diffs) go through `withoutStamps`.
 */
export const STAMPS = '_stamps';

export type Stamps = Record<string, string>;

/**
 * Beside the field stamps, the account that created a record that arrived in a first sync (which stores no history
 * entry for it: shared/history/origins.ts), so its "created" line shows the member's current name. Not a field name
 * (fields never start with "@"): the merge, which reads stamps by field, never sees it; every write carries it on.
 */
export const ORIGIN_AUTHOR = '@by';

/** The account that created the record, when it came in a first sync. */
export const originAuthorOf = (row: object | null | undefined): string | undefined => stampsOf(row)[ORIGIN_AUTHOR];
export type StampedRow = { id: string; [STAMPS]?: Stamps } & Record<string, unknown>;

/** The stamps a stored row carries ({} for a row written before sync, or a plain object). */
export function stampsOf(row: object | null | undefined): Stamps {
  return ((row as StampedRow | null | undefined)?.[STAMPS] as Stamps | undefined) ?? {};
}

/** The record itself, without its stamps (a new object; the row is not changed). */
export function withoutStamps<T extends object>(row: T): T {
  if (!(STAMPS in row)) return row;
  const { [STAMPS]: _, ...rest } = row as T & { [STAMPS]?: Stamps };
  return rest as T;
}

/** The row to store: the record with its stamps. */
export function stamped<T extends object>(record: T, stamps: Stamps): T {
  return { ...withoutStamps(record), [STAMPS]: stamps };
}

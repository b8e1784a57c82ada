import type { z } from 'zod';
import { Capture, Client, Contract, Device, Item, Meeting, Vendor } from '../domain';
import { canonicalJson } from './merge';
import { TOMBSTONE, type SyncTable } from './protocol';
import { unknownKeyPath } from './unknown-keys';

/** Each synced table's record schema: the domain schemas are the single source of what a field may hold. */
export const TABLE_SCHEMAS = {
  clients: Client,
  meetings: Meeting,
  vendors: Vendor,
  contracts: Contract,
  items: Item,
  captures: Capture,
  devices: Device,
} as const;
export type SyncRecord<T extends SyncTable> = z.infer<(typeof TABLE_SCHEMAS)[T]>;

export type FieldCheck =
  { ok: true; value: unknown } | { ok: false; code: 'unknown-field' | 'wrong-type'; message: string };

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function shapeOf(table: SyncTable): Record<string, z.ZodType> {
  // Contract is refined, but in zod 4 a refined object is still a ZodObject with its shape.
  return TABLE_SCHEMAS[table].shape as Record<string, z.ZodType>;
}

/** `items.amount.currency: …` for a field; `contracts c1: termEnd: …` for a whole record. */
function issueText(where: string, error: z.ZodError, sep: string): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? `${sep}${issue.path.join('.')}` : '';
  return `${where}${path}: ${issue?.message ?? 'invalid value'}`;
}

/** The fields a change may set on a table: the schema's keys except `id` (the change's own id), plus the tombstone. */
export function syncFields(table: SyncTable): string[] {
  return [...Object.keys(shapeOf(table)).filter((k) => k !== 'id'), TOMBSTONE];
}

/**
 * Checks one change's value against the table's schema for that field. The value must already be in the form the
 * schema produces (trimmed, lower-cased, defaults filled): every replica stores exactly what was sent, so a value
 * the schema would rewrite is refused instead of silently diverging between replicas.
 */
export function validateField(table: SyncTable, field: string, value: unknown): FieldCheck {
  const where = `${table}.${field}`;
  if (field === TOMBSTONE) {
    return value === true
      ? { ok: true, value: true }
      : { ok: false, code: 'wrong-type', message: `${where} must be true: a delete cannot be undone` };
  }
  const shape = shapeOf(table);
  if (field === 'id') {
    return { ok: false, code: 'unknown-field', message: `${where} cannot be set: a record's id is the change's id` };
  }
  if (!hasOwn(shape, field))
    return { ok: false, code: 'unknown-field', message: `${where} is not a field of ${table}` };
  if (value === undefined) return { ok: false, code: 'wrong-type', message: `${where}: a change needs a value` };
  const parsed = shape[field]!.safeParse(value);
  if (!parsed.success) return { ok: false, code: 'wrong-type', message: issueText(where, parsed.error, '.') };
  const stored = canonicalJson(parsed.data);
  if (stored !== canonicalJson(value)) {
    const unknown = unknownKeyPath(value, parsed.data);
    if (unknown) {
      return { ok: false, code: 'unknown-field', message: `${where}.${unknown.join('.')} is not a key of ${where}` };
    }
    const shown = stored.length > 200 ? `${stored.slice(0, 200)}…` : stored;
    return { ok: false, code: 'wrong-type', message: `${where}: not in stored form (expected ${shown})` };
  }
  return { ok: true, value: parsed.data };
}

/** Fields a record cannot do without: the schema has no default for them. Computed once per table. */
const required = new Map<SyncTable, string[]>();
function requiredFields(table: SyncTable): string[] {
  let fields = required.get(table);
  if (!fields) {
    const shape = shapeOf(table);
    fields = Object.keys(shape).filter((k) => k !== 'id' && !shape[k]!.safeParse(undefined).success);
    required.set(table, fields);
  }
  return fields;
}

export type AssembledRecord<T extends SyncTable> =
  { ok: true; record: SyncRecord<T> | null } | { ok: false; missing: string[]; message: string };

/**
 * The full record a replica stores, from a record's current field values (see `valuesOf` in merge.ts), checked
 * with the table's whole schema (including Contract's term rule). A deleted record assembles to null. Fields the
 * schema does not know are dropped, so a record written by a newer client still assembles.
 */
export function recordFromFields<T extends SyncTable>(
  table: T,
  id: string,
  fields: Record<string, unknown>,
): AssembledRecord<T> {
  if (fields[TOMBSTONE] === true) return { ok: true, record: null };
  const missing = requiredFields(table).filter((k) => !hasOwn(fields, k) || fields[k] === undefined);
  if (missing.length)
    return { ok: false, missing, message: `${table} ${id} is incomplete: missing ${missing.join(', ')}` };
  const candidate: Record<string, unknown> = { ...fields, id };
  delete candidate[TOMBSTONE];
  const parsed = TABLE_SCHEMAS[table].safeParse(candidate);
  if (!parsed.success) return { ok: false, missing: [], message: issueText(`${table} ${id}`, parsed.error, ': ') };
  return { ok: true, record: parsed.data as SyncRecord<T> };
}

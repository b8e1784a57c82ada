import { recordFromFields } from '../../sync/fields';
import { applyChange, isDeleted, recordKey, valuesOf, type RecordFields } from '../../sync/merge';
import { TOMBSTONE, type SyncTable } from '../../sync/protocol';
import { PACK_FILES, PACK_TABLES } from '../pack';
import type { Leaf, PackContents, Sink } from './read';
import { changes, count, differences, named, plural, sameValue, shown, when } from './words';

const RECORDS = PACK_FILES.records;
const ASSEMBLED = new Set<string>([...PACK_TABLES, 'devices']);

/** A record as the log makes it: its fields by last-writer-wins, and the leaves that wrote it, in seq order. */
export type LogRecord = {
  table: SyncTable;
  id: string;
  fields: RecordFields;
  leaves: Leaf[];
  deleted: boolean;
  /** The record's current fields (and id), null when deleted. */
  record: Record<string, unknown> | null;
  /** A deleted record's fields as they were (to name what was deleted). */
  before?: Record<string, unknown>;
};

export type Replay = Map<string, LogRecord>;

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Folds the log's changes, in order, into records, as every replica does (applyChange of shared/sync/merge.ts). A
 * field's first change always wins, so it is set in place rather than through applyChange's copy of the record (the
 * same result, without copying a record's fields once per field).
 */
export function replay(leaves: Leaf[]): Replay {
  const out: Replay = new Map();
  for (const leaf of leaves) {
    const c = leaf.change;
    if (!c) continue;
    const key = recordKey(c.table, c.id);
    let r = out.get(key);
    if (!r) {
      r = { table: c.table, id: c.id, fields: {}, leaves: [], deleted: false, record: null };
      out.set(key, r);
    }
    if (hasOwn(r.fields, c.field)) r.fields = applyChange(r.fields, c).fields;
    else r.fields[c.field] = { value: c.value, hlc: c.hlc, replicaId: c.replicaId };
    r.leaves.push(leaf);
  }
  for (const r of out.values()) {
    r.deleted = isDeleted(r.fields);
    const values = valuesOf(r.fields);
    if (r.deleted) {
      r.before = values;
      continue;
    }
    delete values[TOMBSTONE];
    r.record = { ...values, id: r.id };
  }
  return out;
}

/**
 * The record as a replica stores it: the schema's defaults filled for fields the log never set (a record made
 * before a field existed). Null when it does not assemble, or for a table a pack does not show.
 */
function assembled(r: LogRecord): Record<string, unknown> | null {
  if (!ASSEMBLED.has(r.table) || !r.record) return null;
  const made = recordFromFields(r.table, r.id, r.record);
  return made.ok && made.record ? (made.record as Record<string, unknown>) : null;
}

/** The leaf whose value a field holds now (the winner by HLC), or the last one that set it. */
export function leafOfField(r: LogRecord, field: string): Leaf | undefined {
  const won = r.fields[field];
  let last: Leaf | undefined;
  for (const leaf of r.leaves) {
    if (leaf.change?.field !== field) continue;
    if (won && leaf.change.hlc === won.hlc) return leaf;
    last = leaf;
  }
  return last;
}

/** "change 1,230 by Bob Lee, 5 Dec 2026 10:02 UTC". */
export function byWhom(leaf: Leaf | undefined): string {
  const c = leaf?.change;
  if (!c) return 'no logged change';
  return `change ${count(c.seq)} by ${c.author || c.authorId}, ${when(c.receivedAt)}`;
}

/** Field by field: which fields differ (a missing field equals null). */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('_stamps');
  return [...keys].sort().filter((k) => !sameValue(a[k], b[k]));
}

function compareOne(
  file: string,
  table: string,
  exported: Record<string, unknown>,
  logged: LogRecord | undefined,
  sink: Sink,
): boolean {
  const name = named(table, String(exported.id), logged?.record ?? exported);
  if (!logged) {
    sink.problems.push(`${file}: ${name} is not in the log: no logged change made it`);
    return false;
  }
  if (logged.deleted) {
    sink.problems.push(
      `${file}: ${name} was deleted in the log (${byWhom(leafOfField(logged, TOMBSTONE))}) but ${file} still has it`,
    );
    return false;
  }
  let record = logged.record!;
  let differing = differingFields(exported, record);
  if (differing.length === 0) return true;
  // Fields the log never set may hold their schema default in the browser's copy.
  const withDefaults = assembled(logged);
  if (withDefaults) {
    record = withDefaults;
    differing = differingFields(exported, record);
    if (differing.length === 0) return true;
  }
  for (const field of differing) {
    const d = differences(exported[field], record[field], field)[0]!;
    sink.problems.push(
      `${file}: ${name}: field \`${field}\` does not match the log (${d.path === field ? '' : `at \`${d.path}\`, `}` +
        `${file} has ${shown(d.from)}; the log has ${shown(d.to)}, ${byWhom(leafOfField(logged, field))})`,
    );
  }
  return false;
}

/** records.json and keys.json's devices against the log's replay: the same records, field by field. */
export function compareWithLog(contents: PackContents, log: Replay, sink: Sink): void {
  const wholeClient = contents.manifest.scope.kind === 'client';
  const listed = new Set<string>();
  const matched: Record<string, number> = {};
  for (const table of PACK_TABLES) {
    matched[table] = 0;
    for (const r of contents.records[table]) {
      const key = recordKey(table, r.id);
      listed.add(key);
      if (compareOne(RECORDS, table, r, log.get(key), sink)) matched[table]! += 1;
    }
  }
  let devicesMatched = 0;
  for (const d of contents.keys?.devices ?? []) {
    const key = recordKey('devices', d.id);
    listed.add(key);
    if (compareOne(PACK_FILES.keys, 'devices', d, log.get(key), sink)) devicesMatched += 1;
  }
  if (wholeClient) {
    for (const [key, r] of log) {
      if (listed.has(key) || r.deleted) continue;
      const file = r.table === 'devices' ? PACK_FILES.keys : RECORDS;
      if (r.table === 'devices' || (PACK_TABLES as readonly string[]).includes(r.table))
        sink.problems.push(
          `${file} lacks ${named(r.table, r.id, r.record)}, which the log holds (${byWhom(r.leaves[0])}): the pack leaves it out`,
        );
    }
  }
  const total = PACK_TABLES.reduce((n, t) => n + contents.records[t].length, 0);
  if (total && PACK_TABLES.every((t) => matched[t] === contents.records[t].length))
    sink.log.push(
      `${RECORDS}: ${plural(matched.meetings!, 'meeting')}, ${plural(matched.items!, 'item')} and ` +
        `${plural(matched.captures!, 'piece')} of evidence, each equal field by field to the log's ${changes(
          [...log.values()].reduce((n, r) => n + r.leaves.length, 0),
        )} replayed`,
    );
  if (devicesMatched && devicesMatched === (contents.keys?.devices.length ?? 0))
    sink.log.push(`${PACK_FILES.keys}: ${plural(devicesMatched, 'device')}, each as the log registered it`);
}

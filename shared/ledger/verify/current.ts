import { recordKey } from '../../sync/merge';
import type { PackTable } from '../pack';
import type { PackContents } from './read';
import type { LogRecord, Replay } from './replay';

/** A record as it stands now: from records.json, else (shared clients) from the log's replay. */
export type Current = { record: Record<string, unknown> | null; deleted: boolean; logged: LogRecord | undefined };

/** What the verdicts compare sealed versions with, and where amendments find who and when. */
export class Records {
  readonly shared: boolean;
  readonly #exported = new Map<string, Record<string, unknown>>();
  readonly #log: Replay | null;
  readonly #all = new Map<PackTable, { id: string; record: Record<string, unknown> }[]>();
  readonly #index = new Map<string, Map<string, { id: string; record: Record<string, unknown> }[]>>();

  constructor(contents: PackContents, log: Replay | null) {
    this.shared = log !== null;
    this.#log = log;
    for (const table of ['meetings', 'items', 'captures'] as const)
      for (const r of contents.records[table]) this.#exported.set(recordKey(table, r.id), r);
  }

  get(table: PackTable, id: string): Current | null {
    const key = recordKey(table, id);
    const logged = this.#log?.get(key);
    const exported = this.#exported.get(key);
    if (exported) return { record: exported, deleted: false, logged };
    if (logged) return { record: logged.record, deleted: logged.deleted, logged };
    return null;
  }

  /** Every current record of a table (deleted ones left out), records.json first. Listed once, then kept. */
  all(table: PackTable): { id: string; record: Record<string, unknown> }[] {
    const kept = this.#all.get(table);
    if (kept) return kept;
    const out = new Map<string, Record<string, unknown>>();
    const prefix = recordKey(table, '');
    for (const [key, r] of this.#exported) if (key.startsWith(prefix)) out.set(key, r);
    for (const [key, r] of this.#log ?? [])
      if (r.table === table && !r.deleted && r.record && !out.has(key)) out.set(key, r.record);
    const list = [...out.entries()].map(([key, record]) => ({ id: key.slice(prefix.length), record }));
    this.#all.set(table, list);
    return list;
  }

  /** Current records of a table whose `field` is `value` (an item's meeting, a capture's item), by an index. */
  where(table: PackTable, field: string, value: string): { id: string; record: Record<string, unknown> }[] {
    const key = `${table}.${field}`;
    let index = this.#index.get(key);
    if (!index) {
      index = new Map();
      for (const r of this.all(table)) {
        const v = r.record[field];
        if (typeof v !== 'string') continue;
        const list = index.get(v);
        if (list) list.push(r);
        else index.set(v, [r]);
      }
      this.#index.set(key, index);
    }
    return index.get(value) ?? [];
  }
}

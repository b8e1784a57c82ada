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

  /** Every current record of a table (deleted ones left out), records.json first. */
  all(table: PackTable): { id: string; record: Record<string, unknown> }[] {
    const out = new Map<string, Record<string, unknown>>();
    const prefix = recordKey(table, '');
    for (const [key, r] of this.#exported) if (key.startsWith(prefix)) out.set(key, r);
    for (const [key, r] of this.#log ?? [])
      if (r.table === table && !r.deleted && r.record && !out.has(key)) out.set(key, r.record);
    return [...out.entries()].map(([key, record]) => ({ id: key.slice(prefix.length), record }));
  }
}

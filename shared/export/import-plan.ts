/**
 * What importing a log would do, worked out before anything is written: records the local log lacks are added,
 * records it already has unchanged are counted, and records it has with different content are reported as
 * conflicts and left alone — an import never overwrites. History is append-only, so a changed entry is a conflict
 * too.
 */
import type { Capture, Client, Contract, HistoryEntry, Item, Meeting, Vendor } from '../domain';
import { canonical, LOG_TABLES, type ClientLog } from './client-log';
import { byId } from './order';
import type { LogData } from './types';

export type ImportTable = 'client' | (typeof LOG_TABLES)[number];
type Records = {
  client: Client;
  meetings: Meeting;
  vendors: Vendor;
  contracts: Contract;
  items: Item;
  captures: Capture;
  history: HistoryEntry;
};
export type ImportAddition = { [T in ImportTable]: { table: T; record: Records[T] } }[ImportTable];
export type ImportConflict = { table: ImportTable; id: string; title: string; fields: string[] };
export type ImportPlan = { add: ImportAddition[]; identical: number; conflicts: ImportConflict[] };

/** The order tables are added in: a record's references come before it. */
export const IMPORT_ORDER: readonly ImportTable[] = ['client', ...LOG_TABLES];

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function differingFields(a: object, b: object): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A name the vCIO recognises in the conflict list. */
function titleOf(table: ImportTable, record: Records[ImportTable]): string {
  switch (table) {
    case 'client':
    case 'vendors':
      return (record as Client | Vendor).name;
    case 'meetings': {
      const m = record as Meeting;
      return m.title.trim() || `Meeting of ${m.startsAt.slice(0, 10)}`;
    }
    case 'contracts':
    case 'items':
      return (record as Contract | Item).title;
    case 'captures':
      return (record as Capture).source.title || 'Untitled capture';
    case 'history': {
      const h = record as HistoryEntry;
      return `${h.action} of ${h.entity} ${h.entityId} by ${h.by} at ${h.at}`;
    }
  }
}

function recordsOf(log: LogData, table: ImportTable): Records[ImportTable][] {
  return table === 'client' ? [log.client] : byId<Records[ImportTable]>(log[table]);
}

export function planImport(incoming: ClientLog, existing: LogData | null): ImportPlan {
  const plan: ImportPlan = { add: [], identical: 0, conflicts: [] };
  for (const table of IMPORT_ORDER) {
    const have = new Map(existing ? recordsOf(existing, table).map((r) => [r.id, r]) : []);
    for (const record of recordsOf(incoming, table)) {
      const current = have.get(record.id);
      if (current === undefined) plan.add.push({ table, record } as ImportAddition);
      else if (same(current, record)) plan.identical += 1;
      else
        plan.conflicts.push({
          table,
          id: record.id,
          title: titleOf(table, record),
          fields: differingFields(current, record),
        });
    }
  }
  return plan;
}

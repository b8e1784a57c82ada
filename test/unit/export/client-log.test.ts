import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClientLogSchema,
  exportClientLog,
  parseClientLog,
  planImport,
  type ClientLog,
  type LogData,
} from '../../../shared/export';
import { client, firewall, held, log, NOW, sipPricing } from './fixture';

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
/** The log as the export writes it: same records, each table in id order. */
const sorted = (data: LogData): LogData => ({
  client: data.client,
  meetings: byId(data.meetings),
  vendors: byId(data.vendors),
  contracts: byId(data.contracts),
  items: byId(data.items),
  captures: byId(data.captures),
  history: byId(data.history),
});
const envelope = { format: 'docket-client-log' as const, version: 1 as const, exportedAt: NOW.toISOString() };

function parsed(text: string): ClientLog {
  const result = parseClientLog(text);
  if (!result.ok) throw new Error(`expected a valid log, got: ${result.errors.join(' | ')}`);
  return result.log;
}

describe('the fixture', () => {
  it('is a valid client log', () => {
    const result = ClientLogSchema.safeParse({ ...envelope, ...log });
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});

describe('exportClientLog / parseClientLog round trip', () => {
  it('gives back the same log, every record and field', () => {
    expect(parsed(exportClientLog(log, NOW))).toEqual({ ...envelope, ...sorted(log) });
  });

  it('is byte-identical whatever order the records and keys came in', () => {
    const shuffled: LogData = {
      ...log,
      client: Object.fromEntries(Object.entries(client).reverse()) as typeof client,
      items: [...log.items].reverse(),
      history: [...log.history].reverse(),
      captures: [...log.captures].reverse(),
    };
    expect(exportClientLog(shuffled, NOW)).toBe(exportClientLog(log, NOW));
  });

  it('keeps any title, amount, note and tag exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && s.length > 0),
        fc.double({ min: 0, max: 1e9, noNaN: true }).filter((v) => !Object.is(v, -0)),
        fc.string({ maxLength: 200 }),
        fc.array(
          fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0),
          {
            maxLength: 5,
          },
        ),
        (title, value, notes, tags) => {
          const item = { ...firewall, title, notes, tags, amount: { ...firewall.amount!, value } };
          const data = { ...log, items: log.items.map((i) => (i.id === item.id ? item : i)) };
          expect(parsed(exportClientLog(data, NOW))).toEqual({ ...envelope, ...sorted(data) });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes 2-space JSON ending in a newline, records in id order', () => {
    const text = exportClientLog(log, NOW);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "docket-client-log",');
    const ids = (JSON.parse(text) as ClientLog).items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('planImport', () => {
  const incoming = () => parsed(exportClientLog(log, NOW));

  it('of the same log: everything identical, nothing to add, no conflicts', () => {
    const plan = planImport(incoming(), log);
    expect(plan.add).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.identical).toBe(1 + 2 + 2 + 2 + 9 + 4 + 4);
  });

  it('into an empty log: adds everything, client first and each record after what it refers to', () => {
    const plan = planImport(incoming(), null);
    expect(plan.identical).toBe(0);
    expect(plan.conflicts).toEqual([]);
    const tables = plan.add.map((a) => a.table);
    expect([...new Set(tables)]).toEqual([
      'client',
      'meetings',
      'vendors',
      'contracts',
      'items',
      'captures',
      'history',
    ]);
    expect(plan.add).toHaveLength(24);
    expect(plan.add[0]).toEqual({ table: 'client', record: client });
  });

  it('adds only what the local log lacks', () => {
    const existing = { ...log, items: log.items.filter((i) => i.id !== sipPricing.id), captures: [] };
    const plan = planImport(incoming(), existing);
    expect(plan.add.map((a) => `${a.table}:${a.record.id}`)).toEqual([
      `items:${sipPricing.id}`,
      ...byId(log.captures).map((c) => `captures:${c.id}`),
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('reports records changed on either side as conflicts, naming the fields, and never overwrites', () => {
    const local: LogData = {
      ...log,
      items: log.items.map((i) =>
        i.id === firewall.id
          ? { ...i, status: 'deferred', notes: 'Changed here', updatedAt: '2026-11-30T10:00:00.000Z' }
          : i,
      ),
      meetings: log.meetings.map((m) => (m.id === held.id ? { ...m, minutes: 'Rewritten' } : m)),
      history: log.history.map((h, n) => (n === 0 ? { ...h, by: 'someone-else@example.com' } : h)),
    };
    const plan = planImport(incoming(), local);
    expect(plan.add).toEqual([]);
    expect(plan.conflicts).toEqual([
      { table: 'meetings', id: held.id, title: 'Meeting of 2026-11-10', fields: ['minutes'] },
      { table: 'items', id: firewall.id, title: firewall.title, fields: ['notes', 'status', 'updatedAt'] },
      {
        table: 'history',
        id: log.history[0]!.id,
        title: expect.stringContaining('create of item') as unknown as string,
        fields: ['by'],
      },
    ]);
    expect(plan.identical).toBe(24 - 3);
  });

  it('compares nested values, not key order', () => {
    const reordered = log.items.map((i) =>
      i.id === firewall.id ? (Object.fromEntries(Object.entries(i).reverse()) as typeof i) : i,
    );
    expect(planImport(incoming(), { ...log, items: reordered }).conflicts).toEqual([]);
    const deeper = log.items.map((i) =>
      i.id === firewall.id ? { ...i, decision: { ...i.decision!, nist: ['protect' as const] } } : i,
    );
    expect(planImport(incoming(), { ...log, items: deeper }).conflicts.map((c) => c.fields)).toEqual([['decision']]);
  });
});

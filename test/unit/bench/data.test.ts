import { describe, expect, it } from 'vitest';
import { batches, logToChanges } from '../../../bench/data/changes';
import { generateLog } from '../../../bench/data/log';
import { Capture, Client, Item, Meeting, Vendor } from '../../../shared/domain';
import { Change, SyncTable } from '../../../shared/sync/protocol';
import { validateField } from '../../../shared/sync/fields';

describe('generated benchmark logs', () => {
  it('are the same for the same seed and differ for another', () => {
    const a = generateLog({ items: 200, seed: 7 });
    expect(generateLog({ items: 200, seed: 7 })).toEqual(a);
    expect(generateLog({ items: 200, seed: 8 }).captures[0]!.markdown).not.toBe(a.captures[0]!.markdown);
  });

  it('hold valid records with unique ids and items tied to their own client', () => {
    const log = generateLog({ items: 300, clients: 4 });
    log.clients.forEach((c) => Client.parse(c));
    log.vendors.forEach((v) => Vendor.parse(v));
    log.meetings.forEach((m) => Meeting.parse(m));
    log.items.forEach((i) => Item.parse(i));
    log.captures.forEach((c) => Capture.parse(c));
    const ids = [log.clients, log.vendors, log.meetings, log.items, log.captures].flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const meetingOwner = new Map(log.meetings.map((m) => [m.id, m.clientId]));
    for (const item of log.items) if (item.meetingId) expect(meetingOwner.get(item.meetingId)).toBe(item.clientId);
  });

  it('puts the asked number of items on the first client’s next meeting', () => {
    const log = generateLog({ items: 1000, clients: 4, agendaItems: 200 });
    const next = log.meetings.find((m) => m.clientId === log.clients[0]!.id && m.status === 'planned')!;
    expect(log.items.filter((i) => i.meetingId === next.id)).toHaveLength(200);
  });

  it('keeps capture sizes near the asked mean', () => {
    const log = generateLog({ items: 400, captureChars: 2000 });
    const mean = log.captures.reduce((sum, c) => sum + c.markdown.length, 0) / log.captures.length;
    expect(mean).toBeGreaterThan(1700);
    expect(mean).toBeLessThan(2300);
  });

  it('turn into sync changes the server accepts, in batches of at most 1000', () => {
    const changes = logToChanges(generateLog({ items: 20, clients: 2 }), 'bench-seed', Date.UTC(2026, 10, 26));
    for (const change of changes) {
      Change.parse(change);
      expect(validateField(change.table as SyncTable, change.field, change.value).ok).toBe(true);
    }
    const stamps = changes.map((c) => c.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    const chunks = batches(changes, 100);
    expect(chunks.flat()).toEqual(changes);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(100);
  });
});

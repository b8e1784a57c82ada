import 'fake-indexeddb/auto'; // before Dexie loads: it takes IndexedDB from the globals it finds
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DocketDB } from '../../../extension/store/db';
import { updateItem } from '../../../extension/store/items';
import { changesOf, readClock } from '../../../extension/store/outbox';
import { stampsOf } from '../../../extension/store/stamps';
import { newId } from '../../../shared/ids';
import { alice, freshDb, makeClient } from '../../support/store';

const stamp = (ms: number, counter = 0) =>
  `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:old-replica`;

/** A database as schema version 6 wrote it: field stamps in `clocks`, one outbox row per field. */
async function versionSix(name: string) {
  const raw = new Dexie(name);
  raw.version(6).stores({
    clients: 'id, name',
    meetings: 'id, clientId, [clientId+startsAt], startsAt',
    vendors: 'id, clientId, *domains',
    contracts: 'id, clientId, vendorId, termEnd',
    items: 'id, clientId, meetingId, status, updatedAt, *tags, [clientId+status]',
    captures: 'id, itemId, clientId, urlKey, email.messageId, contentHash',
    history: 'id, [entity+entityId], itemId, at',
    settings: 'key',
    outbox: '++seq, [table+id], clientId',
    clocks: 'key',
    staged: 'key',
  });
  const fresh = freshDb(); // a real client and item, written by the current code, then stored the old way
  const client = await makeClient(fresh, 'Acme Dental');
  const plainClient = { ...(await fresh.clients.get(client.id))! };
  delete (plainClient as { _stamps?: unknown })._stamps;
  fresh.close();
  const item = {
    id: 'item-1',
    clientId: client.id,
    meetingId: null,
    section: 'urgent',
    kind: 'quote',
    status: 'inbox',
    title: 'Firewall renewal',
    vendorId: null,
    amount: null,
    oneTimeAmount: null,
    decideBy: null,
    urgent: false,
    tags: [],
    notes: '',
    createdAt: alice.at,
    createdBy: alice.by,
    updatedAt: alice.at,
    agendaOrder: 1,
    discussed: false,
    slips: [],
    decision: null,
    actions: [],
    contractId: null,
  };
  await raw.table('clients').add(plainClient);
  await raw.table('items').add(item);
  const itemStamps = Object.fromEntries(
    Object.keys(item)
      .filter((f) => f !== 'id')
      .map((f) => [f, stamp(1000)]),
  );
  itemStamps.title = stamp(2000);
  await raw.table('clocks').bulkAdd([
    { key: `items:${item.id}`, fields: itemStamps },
    { key: 'contracts:gone', fields: { _deleted: stamp(3000) } }, // a local delete: no row left
  ]);
  const rows = [
    { table: 'items', id: item.id, field: 'title', value: 'Firewall renewal', hlc: stamp(2000), base: stamp(1000) },
    { table: 'items', id: item.id, field: 'updatedAt', value: alice.at, hlc: stamp(2000, 1), base: stamp(1000) },
    { table: 'contracts', id: 'gone', field: '_deleted', value: true, hlc: stamp(3000), base: null },
  ].map((r) => ({ ...r, clientId: client.id }));
  await raw.table('outbox').bulkAdd(rows);
  await raw.table('settings').bulkPut([
    { key: 'hlc', value: stamp(3000) },
    { key: 'replicaId', value: 'old-replica' },
  ]);
  raw.close();
  return { client, item, itemStamps, rows };
}

describe('schema upgrade to the journal (versions 7 and 8)', () => {
  it('moves each record’s stamps into its row and keeps every queued change, in order, as one-field entries', async () => {
    const name = `upgrade-journal-${newId()}`;
    const { item, itemStamps, rows } = await versionSix(name);
    const db = new DocketDB(name);
    expect(stampsOf(await db.items.get(item.id))).toEqual(itemStamps);
    expect(db.tables.map((t) => t.name)).not.toContain('clocks');
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(queued.map((e) => e.seq)).toEqual([1, 2, 3]);
    // What is pushed after the upgrade is exactly what would have been pushed before it.
    expect(changesOf(queued)).toEqual(rows.map(({ clientId: _c, ...change }) => change));
    expect(await db.transaction('r', db.outbox, db.settings, () => readClock(db))).toMatchObject({ ms: 3000 });

    // The next edit names the moved stamp as its base, and takes a stamp above every old one.
    await updateItem(db, { ...alice, at: '2026-12-05T09:00:00.000Z' }, item.id, { title: 'Firewall renewal 2027' });
    const edit = (await db.outbox.orderBy('seq').toArray()).at(-1)!;
    expect(edit.changes.find((c) => c.field === 'title')?.base).toBe(stamp(2000));
    expect(edit.hlc > stamp(3000)).toBe(true);
    db.close();
  });
});

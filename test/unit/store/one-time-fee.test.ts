import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { Item } from '../../../shared/domain';
import { describeChange } from '../../../shared/history/words';
import { newId } from '../../../shared/ids';
import { DocketDB } from '../../../extension/store/db';
import { itemHistory } from '../../../extension/store/history';
import { updateItem } from '../../../extension/store/items';
import { type NewItemFields, saveCapture } from '../../../extension/store/save-capture';
import { plain, alice, freshDb, makeClient, pageDraft } from '../../support/store';

const fee = { value: 12500, currency: 'CAD', recurrence: 'one-time' } as const;

function fields(clientId: string, over: Partial<NewItemFields> = {}): NewItemFields {
  return {
    clientId,
    meeting: null,
    section: 'decision-to-prepare',
    kind: 'proposal',
    status: 'inbox',
    title: 'Bluepeak managed services proposal',
    vendor: null,
    amount: { value: 7850, currency: 'CAD', recurrence: 'monthly' },
    decideBy: null,
    urgent: false,
    tags: [],
    ...over,
  };
}

describe('saving a capture with a one-time fee', () => {
  it('stores the fee beside the recurring amount, and says it in the item’s history', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const { item } = await saveCapture(db, alice, pageDraft(), {
      to: 'new-item',
      item: fields(client.id, { oneTimeAmount: fee }),
    });
    expect((await db.items.get(item.id))!.oneTimeAmount).toEqual(fee);
    const [created] = await itemHistory(db, item.id);
    expect(created!.changes).toContainEqual({ field: 'oneTimeAmount', from: null, to: fee });
  });

  it('stores none when the form gives none (the field is optional)', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const { item } = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(client.id) });
    expect((await db.items.get(item.id))!.oneTimeAmount).toBeNull();
  });

  it('refuses a recurring fee and saves nothing', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const bad = fields(client.id, { oneTimeAmount: { ...fee, recurrence: 'monthly' } });
    await expect(saveCapture(db, alice, pageDraft(), { to: 'new-item', item: bad })).rejects.toThrow(
      'This item cannot be saved: oneTimeAmount.recurrence: a one-time fee is paid once',
    );
    expect(await db.items.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
  });
});

describe('editing the one-time fee', () => {
  it('records who set it, from what to what, in words', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const { item } = await saveCapture(db, alice, pageDraft(), { to: 'new-item', item: fields(client.id) });
    const bob = { by: 'Bob Tremblay', at: '2026-11-27T10:00:00.000Z' };
    await updateItem(db, bob, item.id, { oneTimeAmount: fee });
    const last = (await itemHistory(db, item.id)).at(-1)!;
    expect(last).toMatchObject({ by: 'Bob Tremblay', changes: [{ field: 'oneTimeAmount', from: null, to: fee }] });
    expect(describeChange('oneTimeAmount', null, fee)[0]).toEqual({
      label: 'One-time fee',
      text: 'none → CA$12,500.00 one-time',
    });
    await expect(updateItem(db, bob, item.id, { oneTimeAmount: { ...fee, recurrence: 'quarterly' } })).rejects.toThrow(
      /one-time fee is paid once/,
    );
    expect((await db.items.get(item.id))!.oneTimeAmount).toEqual(fee);
  });
});

describe('schema upgrade to version 6', () => {
  it('gives items stored before the fee none, and leaves frozen agenda lines as they were', async () => {
    const name = `upgrade-fee-${newId()}`;
    const item = Item.parse({
      id: 'i1',
      clientId: 'c1',
      meetingId: null,
      section: 'urgent',
      kind: 'quote',
      status: 'inbox',
      title: 'Old item',
      vendorId: null,
      amount: { value: 10, currency: 'CAD', recurrence: 'monthly' },
      decideBy: null,
      urgent: true,
      tags: [],
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: 'me',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    const { oneTimeAmount: _none, ...old } = item;
    const line = {
      itemId: 'i1',
      title: 'Old item',
      section: 'urgent',
      status: 'on-agenda',
      vendor: null,
      amount: item.amount,
      discussed: true,
      decision: null,
      actions: [],
    };
    const meeting = {
      id: 'm1',
      clientId: 'c1',
      startsAt: '2026-01-13T14:00:00.000Z',
      status: 'held',
      fromCadence: true,
      title: '',
      minutes: '',
      heldAgenda: [line],
      heldAt: '2026-01-13T16:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-13T16:00:00.000Z',
    };
    // Version 5 as shipped: the same tables, no upgrade to 6.
    const raw = new Dexie(name);
    raw.version(5).stores({
      clients: 'id, name',
      meetings: 'id, clientId, [clientId+startsAt], startsAt',
      vendors: 'id, clientId, *domains',
      items: 'id, clientId, meetingId, status, updatedAt, *tags, [clientId+status]',
    });
    await raw.table('items').add(old);
    await raw.table('meetings').add(meeting);
    raw.close();

    const db = new DocketDB(name);
    const upgraded = await db.items.get('i1');
    expect(upgraded).toEqual({ ...old, oneTimeAmount: null });
    expect(Item.parse(upgraded)).toEqual(upgraded);
    expect(plain(await db.meetings.get('m1'))).toEqual(meeting);
    db.close();
  });
});

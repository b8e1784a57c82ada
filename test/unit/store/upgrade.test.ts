import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { Item } from '../../../shared/domain';
import { newId } from '../../../shared/ids';
import { DocketDB } from '../../../extension/store/db';

describe('schema upgrade', () => {
  it('brings a version-1 log up to version 2 without losing anything', async () => {
    const name = `upgrade-${newId()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      items: 'id, clientId, meetingId, status, updatedAt, *tags',
      clients: 'id, name',
      vendors: 'id, clientId, *domains',
      meetings: 'id, clientId, [clientId+startsAt], startsAt',
    });
    const old = {
      id: 'i1',
      clientId: 'c1',
      meetingId: null,
      section: 'urgent',
      kind: 'quote',
      status: 'inbox',
      title: 'Old item',
      vendorId: null,
      amount: null,
      decideBy: null,
      urgent: true,
      tags: ['x'],
      notes: '',
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: 'me',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    await v1.table('items').add(old);
    v1.close();

    const db = new DocketDB(name);
    const item = await db.items.get('i1');
    expect(Item.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      ...old,
      discussed: false,
      slips: [],
      decision: null,
      actions: [],
      contractId: null,
      agendaOrder: Date.parse(old.createdAt),
    });
    expect(await db.contracts.count()).toBe(0);
  });
});

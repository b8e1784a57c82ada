import { describe, expect, it } from 'vitest';
import { itemHistory } from '../../../extension/store/history';
import { updateItem } from '../../../extension/store/items';
import { saveCapture } from '../../../extension/store/save-capture';
import { plain, alice, freshDb, makeClient, pageDraft } from '../../support/store';

async function seeded() {
  const db = freshDb();
  const client = await makeClient(db);
  const { item } = await saveCapture(db, alice, pageDraft(), {
    to: 'new-item',
    item: {
      clientId: client.id,
      meeting: null,
      section: 'vendor-follow-up',
      kind: 'quote',
      status: 'inbox',
      title: 'Quote',
      vendor: null,
      amount: null,
      decideBy: null,
      urgent: false,
      tags: [],
    },
  });
  return { db, client, item };
}

describe('updateItem', () => {
  it('records who changed which field from what to what', async () => {
    const { db, item } = await seeded();
    const bob = { by: 'Bob Tremblay', at: '2026-11-27T10:00:00.000Z' };
    const after = await updateItem(db, bob, item.id, { status: 'to-prepare', title: 'Acme quote' });
    expect(after).toMatchObject({ status: 'to-prepare', title: 'Acme quote', updatedAt: bob.at });
    const last = (await itemHistory(db, item.id)).at(-1)!;
    expect(last).toMatchObject({ by: 'Bob Tremblay', at: bob.at, action: 'update' });
    expect(last.changes).toEqual([
      { field: 'status', from: 'inbox', to: 'to-prepare' },
      { field: 'title', from: 'Quote', to: 'Acme quote' },
    ]);
  });

  it('writes no history for an edit that changes nothing', async () => {
    const { db, item } = await seeded();
    const before = await db.history.count();
    await updateItem(db, alice, item.id, { title: 'Quote' });
    expect(await db.history.count()).toBe(before);
  });

  it('refuses an invalid edit and leaves the item as it was', async () => {
    const { db, item } = await seeded();
    await expect(updateItem(db, alice, item.id, { decideBy: '2026-13-45' })).rejects.toThrow(/decideBy/);
    await expect(updateItem(db, alice, item.id, { meetingId: 'elsewhere' })).rejects.toThrow(/meeting/);
    expect(plain(await db.items.get(item.id))).toEqual(item);
  });
});

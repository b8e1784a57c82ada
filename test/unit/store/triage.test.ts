import { describe, expect, it } from 'vitest';
import { fileInto, putOnAgenda } from '../../../extension/store/triage';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

describe('inbox triage', () => {
  it('puts an inbox item on a meeting to prepare', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal notice');
    const ref = { id: `${client.id}@2026-12-08`, startsAt: '2026-12-08T14:00:00.000Z', fromCadence: true };
    const after = await putOnAgenda(db, alice, item.id, ref);
    expect(after).toMatchObject({ status: 'to-prepare', meetingId: ref.id });
    expect(await db.meetings.get(ref.id)).toBeTruthy();
  });

  it('files a capture into an existing item and records it there', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const target = await fileItem(db, client.id, 'Acme renewal');
    const extra = await fileItem(db, client.id, 'Acme renewal, reminder');
    await fileInto(db, alice, extra.id, target.id);
    expect(await db.items.get(extra.id)).toBeUndefined();
    expect(await db.captures.where('itemId').equals(target.id).count()).toBe(2);
    const last = (await db.history.where('itemId').equals(target.id).sortBy('at')).at(-1)!;
    expect(last).toMatchObject({
      action: 'delete',
      entityId: extra.id,
      changes: [{ field: 'filedInto', from: 'Acme renewal, reminder', to: 'Acme renewal' }],
    });
  });

  it('refuses to file across clients or into itself, changing nothing', async () => {
    const db = freshDb();
    const a = await makeClient(db, 'A');
    const b = await makeClient(db, 'B');
    const ia = await fileItem(db, a.id, 'one');
    const ib = await fileItem(db, b.id, 'two');
    const before = await db.history.count();
    await expect(fileInto(db, alice, ia.id, ib.id)).rejects.toThrow('Both items must belong to the same client.');
    await expect(fileInto(db, alice, ia.id, ia.id)).rejects.toThrow(/another item/);
    expect(await db.history.count()).toBe(before);
    expect(await db.captures.where('itemId').equals(ia.id).count()).toBe(1);
  });
});

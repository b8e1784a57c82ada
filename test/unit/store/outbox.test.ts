import { describe, expect, it } from 'vitest';
import { applyChanges, type RecordFields, recordKey } from '../../../shared/sync/merge';
import { createContract, deleteContract } from '../../../extension/store/contracts';
import { updateItem } from '../../../extension/store/items';
import { moveMeeting } from '../../../extension/store/meeting-edits';
import { upcomingMeetings } from '../../../shared/rules';
import { changesOf, withRowValues } from '../../../extension/store/outbox';
import { stampsOf, withoutStamps } from '../../../extension/store/stamps';
import { alice, fileItem, freshDb, makeClient, msa } from '../../support/store';

describe('the outbox', () => {
  it('queues one entry per record written, every field of a new record under one rising stamp', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal');
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(queued.map((e) => e.table)).toEqual(['clients', 'items', 'captures']);
    const forItem = queued.find((e) => e.id === item.id)!;
    expect(forItem.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['title', 'status', 'meetingId', 'clientId']),
    );
    expect(queued.every((e) => e.changes.every((c) => c.base === null))).toBe(true);
    const stamps = queued.map((e) => e.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    // The record's row keeps the stamp of each field's value: what the next edit names as its base.
    const row = await db.items.get(item.id);
    expect(stampsOf(row).title).toBe(forItem.hlc);
  });

  it('queues only the changed fields of an edit, each with the stamp it replaced', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal');
    const titleStamp = (await db.outbox.toArray()).find((e) => e.id === item.id)!.hlc;
    const before = await db.outbox.count();
    await updateItem(db, { ...alice, at: '2026-11-27T09:00:00.000Z' }, item.id, { title: 'Acme renewal' });
    const edit = (await db.outbox.orderBy('seq').toArray()).slice(before);
    expect(edit).toHaveLength(1);
    expect(edit[0]!.changes.map((c) => c.field).sort()).toEqual(['title', 'updatedAt']);
    expect(edit[0]!.changes.find((c) => c.field === 'title')).toEqual({
      field: 'title',
      value: 'Acme renewal',
      base: titleStamp,
    });
    expect(stampsOf(await db.items.get(item.id)).title).toBe(edit[0]!.hlc);
  });

  it('queues nothing for a refused write, nor for an edit that changes nothing', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal');
    const before = await db.outbox.count();
    await expect(updateItem(db, alice, item.id, { title: '' })).rejects.toThrow();
    await updateItem(db, { ...alice, at: '2026-11-28T09:00:00.000Z' }, item.id, { title: 'Renewal' });
    expect(await db.outbox.count()).toBe(before);
  });

  it('carries enough to rebuild the log elsewhere, deletes included', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal', { vendor: { name: 'Acme', domain: 'acme.com' } });
    const contract = await createContract(db, alice, msa(client.id, item.vendorId!));
    await updateItem(db, alice, item.id, { title: 'Acme renewal', urgent: true });
    await deleteContract(db, alice, contract.id);

    const elsewhere = new Map<string, RecordFields>();
    applyChanges(elsewhere, changesOf(await withRowValues(db, await db.outbox.orderBy('seq').toArray())));
    const values = (key: string) =>
      Object.fromEntries(Object.entries(elsewhere.get(key)!).map(([f, s]) => [f, s.value]));
    expect({ id: item.id, ...values(recordKey('items', item.id)) }).toEqual(
      withoutStamps((await db.items.get(item.id))!),
    );
    expect({ id: client.id, ...values(recordKey('clients', client.id)) }).toEqual(
      withoutStamps((await db.clients.get(client.id))!),
    );
    expect(values(recordKey('contracts', contract.id))._deleted).toBe(true);
    // The deleted record's tombstone stays, so a late edit from elsewhere cannot bring it back.
    expect((await db.staged.get(recordKey('contracts', contract.id)))?.fields._deleted?.value).toBe(true);
  });

  it('an edit of a record made earlier in the same write names that record’s stamp as its base', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    // A cadence meeting not stored yet: moving it stores it, then edits it, in one transaction.
    const [next] = upcomingMeetings(client, [], new Date(alice.at), 1);
    const ref = { id: next!.id, startsAt: next!.startsAt, fromCadence: true };
    await moveMeeting(db, alice, client.id, ref, '2026-12-09T14:00:00.000Z');
    const [created, moved] = (await db.outbox.orderBy('seq').toArray()).filter((e) => e.id === ref.id);
    expect(moved!.changes.find((c) => c.field === 'startsAt')?.base).toBe(created!.hlc);
  });

  it('a new record’s entry names its fields; the push reads them from the row while they are still that write’s', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const text = 'Price list: 48 seats at 12.50 per month. '.repeat(500);
    const item = await fileItem(db, client.id, 'Renewal', {}, text);
    const queued = await db.outbox.orderBy('seq').toArray();
    // The capture's text is stored once, in its row: its entry names the field.
    expect(queued.every((e) => e.fromRow && e.changes.every((c) => !('value' in c)))).toBe(true);
    expect(JSON.stringify(queued).includes('48 seats')).toBe(false);
    const capture = (await db.captures.where('itemId').equals(item.id).first())!;
    const sent = changesOf(await withRowValues(db, queued));
    expect(sent.find((c) => c.id === capture.id && c.field === 'markdown')?.value).toBe(capture.markdown);

    // Edited before the push: the create sends no title (nobody saw it); the edit's own entry carries the new one.
    await updateItem(db, { ...alice, at: '2026-11-27T09:00:00.000Z' }, item.id, { title: 'Acme renewal' });
    const after = changesOf(await withRowValues(db, await db.outbox.orderBy('seq').toArray()));
    expect(after.filter((c) => c.id === item.id && c.field === 'title').map((c) => c.value)).toEqual(['Acme renewal']);
    expect(after.filter((c) => c.id === item.id && c.field === 'status').map((c) => c.value)).toEqual(['inbox']);
  });
});

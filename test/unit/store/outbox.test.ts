import { describe, expect, it } from 'vitest';
import { applyChanges, type RecordFields, recordKey } from '../../../shared/sync/merge';
import { createContract, deleteContract } from '../../../extension/store/contracts';
import { updateItem } from '../../../extension/store/items';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

describe('the outbox', () => {
  it('queues every field of a new record, in the same transaction as the write, with rising clock stamps', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal');
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(new Set(queued.map((c) => c.table))).toEqual(new Set(['clients', 'items', 'captures']));
    expect(queued.filter((c) => c.table === 'items' && c.id === item.id).map((c) => c.field)).toEqual(
      expect.arrayContaining(['title', 'status', 'meetingId', 'clientId']),
    );
    expect(queued.every((c) => c.base === null)).toBe(true);
    const stamps = queued.map((c) => c.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('queues only the changed fields of an edit, each with the stamp it replaced', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal');
    const titleStamp = (await db.outbox.toArray()).find((c) => c.id === item.id && c.field === 'title')!.hlc;
    const before = await db.outbox.count();
    await updateItem(db, { ...alice, at: '2026-11-27T09:00:00.000Z' }, item.id, { title: 'Acme renewal' });
    const edit = (await db.outbox.toArray()).slice(before);
    expect(edit.map((c) => c.field).sort()).toEqual(['title', 'updatedAt']);
    expect(edit.find((c) => c.field === 'title')).toMatchObject({ value: 'Acme renewal', base: titleStamp });
  });

  it('queues nothing for a refused write', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal');
    const before = await db.outbox.count();
    await expect(updateItem(db, alice, item.id, { title: '' })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(before);
  });

  it('carries enough to rebuild the log elsewhere, deletes included', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Renewal', { vendor: { name: 'Acme', domain: 'acme.com' } });
    const contract = await createContract(db, alice, {
      clientId: client.id,
      vendorId: item.vendorId!,
      title: 'MSA',
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      autoRenew: true,
      noticeDays: 60,
      value: null,
    });
    await updateItem(db, alice, item.id, { title: 'Acme renewal', urgent: true });
    await deleteContract(db, alice, contract.id);

    const elsewhere = new Map<string, RecordFields>();
    applyChanges(elsewhere, await db.outbox.orderBy('seq').toArray());
    const values = (key: string) =>
      Object.fromEntries(Object.entries(elsewhere.get(key)!).map(([f, s]) => [f, s.value]));
    expect({ id: item.id, ...values(recordKey('items', item.id)) }).toEqual(await db.items.get(item.id));
    expect({ id: client.id, ...values(recordKey('clients', client.id)) }).toEqual(await db.clients.get(client.id));
    expect(values(recordKey('contracts', contract.id))._deleted).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { deleteContract, createContract } from '../../../extension/store/contracts';
import { updateItem } from '../../../extension/store/items';
import { syncClient } from '../../../extension/sync/sync-client';
import { alice, converged, fileItem, makeClient } from '../../support/store';
import { STORES, storesFor } from '../../support/stores';
import { team } from '../../support/team';

describe.each(STORES)('two replicas through a real server (%s store)', (kind) => {
  const stores = storesFor(kind);
  it('a capture made in one browser appears in the other, and edits to different fields both survive', async () => {
    const { space, a, b } = await team(await stores.fresh());
    const client = await makeClient(a.db);
    const item = await fileItem(a.db, client.id, 'Acme renewal', { vendor: { name: 'Acme', domain: 'acme.com' } });
    expect(await syncClient(a.db, a.transport, client.id, space)).toMatchObject({ pending: 0 });
    await syncClient(b.db, b.transport, client.id, space);
    expect(converged(await b.db.items.get(item.id))).toEqual(converged(await a.db.items.get(item.id)));
    expect(await b.db.captures.where('itemId').equals(item.id).count()).toBe(1);
    expect(await b.db.vendors.count()).toBe(1);
    expect(await b.db.outbox.count()).toBe(0); // what came from the server does not go back up

    await updateItem(a.db, { ...alice, at: '2026-11-27T10:00:00.000Z' }, item.id, { notes: 'Ask for 3-year pricing' });
    await updateItem(b.db, { by: 'Bob Tremblay', at: '2026-11-27T10:01:00.000Z' }, item.id, {
      title: 'Acme backup renewal',
    });
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    await syncClient(a.db, a.transport, client.id, space);
    for (const db of [a.db, b.db])
      expect(await db.items.get(item.id)).toMatchObject({
        notes: 'Ask for 3-year pricing',
        title: 'Acme backup renewal',
      });
    const history = await a.db.history.where('itemId').equals(item.id).toArray();
    expect(history.some((h) => h.by === 'Bob Tremblay' && h.changes.some((c) => c.field === 'title'))).toBe(true);
    expect(history.filter((h) => h.conflict)).toEqual([]); // different fields: nothing to review
  });

  it('the same field edited in both: one value wins everywhere, the other is kept in history', async () => {
    const { space, a, b } = await team(await stores.fresh());
    const client = await makeClient(a.db);
    const item = await fileItem(a.db, client.id, 'Firewall refresh');
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);

    await updateItem(a.db, alice, item.id, { status: 'to-prepare' });
    await updateItem(b.db, { by: 'Bob Tremblay', at: alice.at }, item.id, { status: 'deferred' });
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    await syncClient(a.db, a.transport, client.id, space);

    const [onA, onB] = [await a.db.items.get(item.id), await b.db.items.get(item.id)];
    expect(onA!.status).toBe(onB!.status);
    const loser = onA!.status === 'to-prepare' ? 'deferred' : 'to-prepare';
    for (const db of [a.db, b.db]) {
      const conflicts = (await db.history.where('itemId').equals(item.id).toArray()).filter((h) => h.conflict);
      expect(conflicts.flatMap((h) => h.changes)).toContainEqual({ field: 'status', from: loser, to: onA!.status });
    }
  });

  it('deletes travel as tombstones', async () => {
    const { space, a, b } = await team(await stores.fresh());
    const client = await makeClient(a.db);
    const item = await fileItem(a.db, client.id, 'Contract', { vendor: { name: 'Acme', domain: 'acme.com' } });
    const contract = await createContract(a.db, alice, {
      clientId: client.id,
      vendorId: item.vendorId!,
      title: 'MSA',
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      autoRenew: false,
      noticeDays: 30,
      value: null,
    });
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    expect(await b.db.contracts.get(contract.id)).toBeTruthy();
    await deleteContract(a.db, alice, contract.id);
    await syncClient(a.db, a.transport, client.id, space);
    await syncClient(b.db, b.transport, client.id, space);
    expect(await b.db.contracts.get(contract.id)).toBeUndefined();
  });
});

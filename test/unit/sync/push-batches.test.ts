import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../extension/store/db';
import { createContract, deleteContract } from '../../../extension/store/contracts';
import { fill } from '../../../extension/sync/push';
import { syncClient } from '../../../extension/sync/sync-client';
import { alice, fileItem, makeClient, msa } from '../../support/store';
import { team } from '../../support/team';

const entry = (fields: number, chars = 10): OutboxEntry => ({
  table: 'captures',
  id: 'c',
  clientId: 'x',
  hlc: '0001764900000000:0000:r',
  changes: Array.from({ length: fields }, (_, i) => ({ field: `f${i}`, value: 'x'.repeat(chars), base: null })),
});

describe('what one push carries', () => {
  it('whole outbox entries, up to 500 changes', () => {
    const entries = Array.from({ length: 100 }, () => entry(20));
    expect(fill(entries)).toHaveLength(25);
  });
  it('no more than the server’s body limit allows: large captures go a few at a time', () => {
    const pages = Array.from({ length: 10 }, () => entry(1, 1_000_000)); // ten clips of 1 MB pages
    expect(fill(pages)).toHaveLength(1);
    expect(fill(Array.from({ length: 10 }, () => entry(1, 400_000)))).toHaveLength(3);
  });
  it('always at least one entry, so an outsized one is still sent (and refused by name) rather than stuck', () => {
    expect(fill([entry(600), entry(1)])).toHaveLength(1);
    expect(fill([])).toEqual([]);
  });

  it('a record made and deleted before a push sends only its tombstone; a batch left with nothing is not sent', async () => {
    const t = await team();
    const client = await makeClient(t.a.db);
    const item = await fileItem(t.a.db, client.id, 'Renewal', { vendor: { name: 'Acme', domain: 'acme.com' } });
    const contract = await createContract(t.a.db, alice, msa(client.id, item.vendorId!));
    await deleteContract(t.a.db, alice, contract.id);
    const pushes: number[] = [];
    const counting = {
      ...t.a.transport,
      push: (space: string, body: Parameters<typeof t.a.transport.push>[1]) => {
        pushes.push(body.changes.filter((c) => c.id === contract.id).length);
        return t.a.transport.push(space, body);
      },
    };
    expect(await syncClient(t.a.db, counting, client.id, t.space)).toMatchObject({ pending: 0 });
    expect(pushes.reduce((a, b) => a + b, 0)).toBe(1); // the tombstone alone
    expect(await t.a.db.outbox.count()).toBe(0);

    // An outbox holding only such leftovers empties without a push.
    const other = await fileItem(t.a.db, client.id, 'Quote');
    await t.a.db.transaction('rw', t.a.db.items, t.a.db.captures, async () => {
      await t.a.db.captures.where('itemId').equals(other.id).delete();
      await t.a.db.items.delete(other.id);
    });
    pushes.length = 0;
    await syncClient(t.a.db, counting, client.id, t.space);
    expect(pushes).toEqual([]);
    expect(await t.a.db.outbox.count()).toBe(0);
    await t.close();
  });
});

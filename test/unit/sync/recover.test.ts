import { describe, expect, it } from 'vitest';
import { syncClient } from '../../../extension/sync/sync-client';
import { fileItem, makeClient } from '../../support/store';
import { team } from '../../support/team';

describe('a replica that fails in the middle of applying a pull', () => {
  it('keeps nothing half-applied and catches up on the next sync', async () => {
    const { space, a, b } = await team();
    const client = await makeClient(a.db);
    for (const title of ['Firewall', 'Backup', 'Telecom']) await fileItem(a.db, client.id, title);
    await syncClient(a.db, a.transport, client.id, space);

    // The browser dies while writing the items: the whole apply rolls back, clients and captures included.
    const bulkPut = b.db.items.bulkPut.bind(b.db.items);
    b.db.items.bulkPut = (() => {
      throw new Error('the tab crashed');
    }) as typeof bulkPut;
    await expect(syncClient(b.db, b.transport, client.id, space)).rejects.toThrow('the tab crashed');
    expect(await b.db.items.count()).toBe(0);
    expect(await b.db.clients.count()).toBe(0);
    expect(await b.db.settings.get(`sync.cursor.${space}`)).toBeUndefined();

    b.db.items.bulkPut = bulkPut;
    await syncClient(b.db, b.transport, client.id, space);
    expect((await b.db.items.toArray()).map((i) => i.title).sort()).toEqual(['Backup', 'Firewall', 'Telecom']);
    expect(await b.db.captures.count()).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { pullSpace } from '../../../extension/sync/pull';
import { syncClient } from '../../../extension/sync/sync-client';
import type { SyncTransport } from '../../../extension/sync/transport';
import { converged, fileItem, makeClient } from '../../support/store';
import { STORES, storesFor } from '../../support/stores';
import { team } from '../../support/team';

describe.each(STORES)('a first sync over many snapshot pages (%s store)', (kind) => {
  const stores = storesFor(kind);
  it('applies every page and asks for each one once', async () => {
    const { space, a, b } = await team(await stores.fresh());
    const client = await makeClient(a.db);
    for (const title of ['Firewall', 'Backup', 'Telecom', 'Printers']) await fileItem(a.db, client.id, title);
    await syncClient(a.db, a.transport, client.id, space);

    const asked: (string | null)[] = [];
    const paged: SyncTransport = {
      ...b.transport,
      // Two records a page, whatever size the replica asks for.
      snapshot: (s, page) => {
        asked.push(page);
        return b.transport.snapshot(s, page, 2);
      },
    };
    await pullSpace(b.db, paged, space);

    expect(asked.length).toBeGreaterThan(3);
    expect(asked[0]).toBeNull();
    expect(new Set(asked).size).toBe(asked.length); // no page twice
    for (const table of ['clients', 'vendors', 'items', 'captures'] as const)
      expect((await b.db[table].orderBy('id').toArray()).map(converged)).toEqual(
        (await a.db[table].orderBy('id').toArray()).map(converged),
      );
    expect(await b.db.staged.count()).toBe(0);
  });
});

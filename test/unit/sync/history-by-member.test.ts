import { describe, expect, it } from 'vitest';
import { itemHistory } from '../../../extension/store/history';
import { updateItem } from '../../../extension/store/items';
import { byMember, memberNames, readDirectory } from '../../../extension/sync/members-directory';
import { pullSpace } from '../../../extension/sync/pull';
import { syncClient } from '../../../extension/sync/sync-client';
import { alice, fileItem, makeClient } from '../../support/store';
import { team } from '../../support/team';

const MINUTE = 60_000;

describe('history by member', () => {
  it('names each change by the account that pushed it, under its current name, so a rename does not rewrite history', async () => {
    const t = await team();
    const me = async (token: string) =>
      (
        (await (
          await t.fetchApp('http://docket.test/v1/me', { headers: { authorization: `Bearer ${token}` } })
        ).json()) as {
          user: { id: string };
        }
      ).user.id;
    const aliceId = await me(t.owner);

    // Alice's browser shares an item; Bob's first pull is a snapshot (the item's "created" line comes from the
    // record, its author from the snapshot), the next ones read the log.
    const client = await makeClient(t.a.db);
    const item = await fileItem(t.a.db, client.id, 'Firewall renewal');
    await syncClient(t.a.db, t.a.transport, client.id, t.space);
    const t0 = new Date();
    await pullSpace(t.b.db, t.b.transport, t.space, () => t0);
    await updateItem(t.a.db, { ...alice, at: new Date().toISOString() }, item.id, {
      notes: 'Asked for a 3-year price',
    });
    await syncClient(t.a.db, t.a.transport, client.id, t.space);
    await pullSpace(t.b.db, t.b.transport, t.space, () => t0);

    const seen = await itemHistory(t.b.db, item.id);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen.map((e) => e.byId))).toEqual(new Set([aliceId]));
    expect((await readDirectory(t.b.db, t.space))?.members.map((m) => m.name).sort()).toEqual([
      'Alice Martin',
      'Bob Tremblay',
    ]);

    // Alice renames herself. Within ten minutes Bob's list is fresh; after, the next pull reads the new name.
    const renamed = await t.fetchApp('http://docket.test/v1/me', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${t.owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Alice Côté' }),
    });
    expect(renamed.status).toBe(200);
    await pullSpace(t.b.db, t.b.transport, t.space, () => new Date(t0.getTime() + 11 * MINUTE));
    const shown = byMember(await itemHistory(t.b.db, item.id), await memberNames(t.b.db));
    expect(new Set(shown.map((e) => e.by))).toEqual(new Set(['Alice Côté']));
  });

  it('an entry whose account the list does not know keeps the name logged with it', () => {
    const entry = {
      id: 'h1',
      entity: 'item' as const,
      entityId: 'i1',
      itemId: 'i1',
      action: 'update' as const,
      at: '2026-12-04T15:00:00.000Z',
      by: 'Carol Former',
      byId: 'gone-user',
      changes: [],
    };
    const local = { ...entry, id: 'h2', by: 'me', byId: undefined };
    expect(byMember([entry, local], new Map([['someone', 'Someone Else']])).map((e) => e.by)).toEqual([
      'Carol Former',
      'me',
    ]);
    expect(byMember([entry], new Map([['gone-user', 'Carol Back']]))[0]!.by).toBe('Carol Back');
  });
});

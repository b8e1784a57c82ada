import { describe, expect, it } from 'vitest';
import { connect, getConnection, invite, shareClient } from '../../../extension/sync/connection';
import { backoffMs, syncAll } from '../../../extension/sync/run';
import { fileItem, freshDb, makeClient } from '../../support/store';
import { STORES, storesFor } from '../../support/stores';
import { team } from '../../support/team';

describe.each(STORES)('connecting and syncing a browser (%s store)', (kind) => {
  const stores = storesFor(kind);
  it('joins with an invite code, shares a client, invites a viewer who finds the shared client on first pull', async () => {
    const t = await team(await stores.fresh());
    // the owner's browser shares its client
    const owner = freshDb();
    const ownerCode = (await t.call(`/v1/spaces/${t.space}/invites`, { role: 'editor', expiresInHours: 1 }, t.owner))
      .code as string;
    await connect(owner, 'http://docket.test', ownerCode, 'Alice', t.fetchApp);
    await t.allowSpaces('Alice'); // joined by invite: an admin lets her create spaces
    const client = await makeClient(owner);
    await fileItem(owner, client.id, 'Acme renewal');
    const shared = await shareClient(owner, client.id, t.fetchApp);
    expect(await syncAll(owner, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });

    // a teammate joins that space by invite
    const code = await invite(owner, shared.id, 'viewer', t.fetchApp);
    const teammate = freshDb();
    const joined = await connect(teammate, 'http://docket.test/some/path', code, 'Coordinator', t.fetchApp);
    expect(joined).toMatchObject({
      serverUrl: 'http://docket.test',
      spaces: [{ id: shared.id, role: 'viewer', clientId: null }],
    });
    expect(await syncAll(teammate, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect((await getConnection(teammate))!.spaces[0]!.clientId).toBe(client.id);
    expect(await teammate.items.count()).toBe(1);
  });

  it('says offline, or sign-in needed, and backs off', async () => {
    const t = await team(await stores.fresh());
    const db = freshDb();
    const code = (await t.call(`/v1/spaces/${t.space}/invites`, { role: 'editor', expiresInHours: 1 }, t.owner))
      .code as string;
    await connect(db, 'http://docket.test', code, 'Bob', t.fetchApp);
    const down = () => Promise.reject(new TypeError('fetch failed'));
    expect(await syncAll(db, down)).toMatchObject({ state: 'offline', failures: 1 });
    expect(await syncAll(db, down)).toMatchObject({ state: 'offline', failures: 2 });
    const revoked = () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'token-revoked', message: 'This token was revoked.' }), { status: 401 }),
      );
    expect(await syncAll(db, revoked)).toMatchObject({
      state: 'sign-in-needed',
      message: expect.stringMatching(/^This device was signed out on .*\. Sign in again to sync/),
    });
    // Scheduled rounds wait for a sign-in; the user's "Sync now" tries, and a token good again lifts the mark.
    expect(await syncAll(db, t.fetchApp)).toMatchObject({ state: 'sign-in-needed', failures: 3 });
    expect(await syncAll(db, t.fetchApp, undefined, { manual: true })).toMatchObject({ state: 'synced', failures: 0 });
    expect((await getConnection(db))!.signInNeeded).toBeUndefined();
    expect([1, 2, 3, 10, 100].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 300_000, 300_000]);
  });
});

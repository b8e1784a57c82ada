import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { connect, getConnection } from '../../../extension/sync/connection';
import { syncAll } from '../../../extension/sync/run';
import { listDevices, makeDeviceCode, signOutThisDevice } from '../../../extension/sync/team';
import { fileItem, freshDb } from '../../support/store';
import { acmeTeam, carolWithUnsentWork } from '../../support/team-browsers';

const DAY = 86_400_000;
const URL = 'http://docket.test';

/**
 * Acme's team: Dana's log synced; Carol, an editor, synced it on her laptop and wrote a note she has not sent yet.
 * Her phone signed in to her account with a device code from the laptop, and synced too.
 */
async function carolWithTwoDevices() {
  const { t, dana, carol, outbox } = await carolWithUnsentWork();

  const phone = freshDb();
  const { code, expiresAt } = await makeDeviceCode(carol.db, t.fetchApp);
  expect(Date.parse(expiresAt) - t.h.clock.now).toBe(15 * 60_000);
  const signedIn = await connect(phone, URL, code, 'whatever the form says', t.fetchApp);
  expect(signedIn.user).toEqual({ id: carol.id, name: 'Carol Editor' });
  // A new device learns the account's spaces; its first pull finds the client each one holds.
  expect(signedIn.spaces).toEqual([{ id: t.space, name: 'Acme', role: 'editor', clientId: null }]);
  expect(await syncAll(phone, t.fetchApp)).toMatchObject({ state: 'synced' });
  expect((await getConnection(phone))!.spaces[0]!.clientId).toBe(dana.client.id);
  return { t, dana, carol, phone, outbox };
}

describe('signing a device in again with a device code', () => {
  it('a signed-out device signs in to its own account: same spaces, local clients and replica; its push is taken', async () => {
    const { t, dana, carol, phone } = await carolWithTwoDevices();
    // The laptop sends its note (binding its replica to Carol), then writes another one and is signed out.
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    await fileItem(carol.db, dana.client.id, 'Carol’s second note');
    const outbox = await carol.db.outbox.count();
    expect(outbox).toBeGreaterThan(0);
    await signOutThisDevice(carol.db, t.fetchApp);
    const out = (await getConnection(carol.db))!;
    expect(out.signInNeeded?.reason).toBe('signed-out');
    expect(await syncAll(carol.db, t.fetchApp, undefined, { manual: true })).toMatchObject({
      state: 'sign-in-needed',
    });

    const { code } = await makeDeviceCode(phone, t.fetchApp);
    const back = await connect(carol.db, URL, code, 'Carol Editor', t.fetchApp);
    expect(back.user.id).toBe(carol.id);
    expect(back.token).not.toBe(out.token);
    expect(back.signInNeeded).toBeUndefined();
    expect(back.spaces).toEqual(out.spaces); // Acme, holding Dana's client, as before
    expect(back.canCreateSpaces).toBe(false);

    // The unsent note goes out under the same replica, accepted as Carol's (not replica-not-yours), and reaches Dana.
    expect(await carol.db.outbox.count()).toBe(outbox);
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0, failures: 0 });
    expect(await carol.db.outbox.count()).toBe(0);
    await syncAll(dana.db, t.fetchApp);
    expect((await dana.db.items.toArray()).map((i) => i.title).sort()).toEqual([
      'Carol’s note',
      'Carol’s second note',
      'Renew the firewall contract',
    ]);
    const audit = await t.h.call('GET', `/v1/spaces/${t.space}/audit?format=json&section=changes`, {
      token: t.owner,
    });
    const carolsReplicas = new Set(
      (audit.json as { authorId: string; replicaId: string }[])
        .filter((c) => c.authorId === carol.id)
        .map((c) => c.replicaId),
    );
    expect(carolsReplicas.size).toBe(1); // one browser, one replica, before and after signing in again
    // Her devices: the phone, and this browser's new sign-in; the signed-out token is gone from the list.
    expect(
      (await listDevices(carol.db, t.fetchApp)).map((d) => `${d.label}${d.current ? ' (this one)' : ''}`).sort(),
    ).toEqual(['device-code', 'device-code (this one)']);
  });

  it('an expired sign-in comes back with a code from the admin; a space joined again is no longer marked ended', async () => {
    const { t, carol, phone } = await carolWithTwoDevices();
    // Carol is removed from Acme, and this laptop learns it; later Dana invites her back, and she joins on her phone.
    await t.h.call('DELETE', `/v1/spaces/${t.space}/members/${carol.id}`, { token: t.owner });
    await syncAll(carol.db, t.fetchApp);
    expect((await getConnection(carol.db))!.spaces[0]!.ended?.reason).toBe('removed');
    const phoneToken = (await getConnection(phone))!.token;
    const invite = await t.h.invite(t.owner, t.space, 'editor');
    const rejoined = await t.h.call('POST', `/v1/invites/${invite}/accept`, { token: phoneToken, body: {} });
    expect(rejoined.status).toBe(200);

    // The laptop goes unused past the server's limit.
    t.h.clock.now += 91 * DAY;
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'sign-in-needed' });
    expect((await getConnection(carol.db))!.signInNeeded?.reason).toBe('expired');

    const printed: string[] = [];
    expect(
      await runAdmin(t.h.store, ['tokens', 'code', 'Carol Editor'], (l) => printed.push(l), new Date(t.h.clock.now)),
    ).toBe(0);
    const code = /\n {2}(\S+)\n/.exec(printed.join('\n'))![1]!;
    const back = await connect(carol.db, URL, code, 'Carol Editor', t.fetchApp);
    expect(back.signInNeeded).toBeUndefined();
    expect(back.spaces).toEqual([
      { id: t.space, name: 'Acme', role: 'editor', clientId: (await getConnection(phone))!.spaces[0]!.clientId },
    ]);
    // Acme syncs again: the note written while it was marked ended goes out.
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    expect(await carol.db.outbox.count()).toBe(0);
    expect((await listDevices(carol.db, t.fetchApp)).find((d) => d.current)!.label).toBe('admin-code');
  });

  it('someone else’s code signs this browser in as them, with the local clients it already held', async () => {
    const { t, carol, dana } = await carolWithTwoDevices();
    const { code } = await makeDeviceCode(dana.db, t.fetchApp);
    const asDana = await connect(carol.db, URL, code, 'Carol Editor', t.fetchApp);
    expect(asDana.user.id).not.toBe(carol.id);
    expect(asDana.user.name).toBe('Dana Owner');
    // Dana's account lists Acme: the browser syncs it as Dana, with the local client it already held.
    expect(asDana.spaces).toEqual([{ id: t.space, name: 'Acme', role: 'owner', clientId: dana.client.id }]);
    expect(asDana.canCreateSpaces).toBe(true);
  });
});

describe('whether this user may share a client', () => {
  it('is read at sign-in and at each round', async () => {
    const t = await acmeTeam();
    const carol = await t.memberBrowser('Carol Editor', 'editor');
    expect((await getConnection(carol.db))!.canCreateSpaces).toBe(false);
    expect(await runAdmin(t.h.store, ['users', 'allow', 'Carol Editor'], () => {})).toBe(0);
    await syncAll(carol.db, t.fetchApp);
    expect((await getConnection(carol.db))!.canCreateSpaces).toBe(true);
    expect(await runAdmin(t.h.store, ['users', 'disallow', 'Carol Editor'], () => {})).toBe(0);
    await syncAll(carol.db, t.fetchApp);
    expect((await getConnection(carol.db))!.canCreateSpaces).toBe(false);
  });
});

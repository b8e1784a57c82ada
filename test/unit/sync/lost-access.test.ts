import { describe, expect, it } from 'vitest';
import { getConnection, saveConnection } from '../../../extension/sync/connection';
import { endedMessage, signInMessage } from '../../../extension/sync/messages';
import { syncAll } from '../../../extension/sync/run';
import type { Fetch } from '../../../extension/sync/transport';
import { carolWithUnsentWork } from '../../support/team-browsers';

const DAY = 86_400_000;

/** Does `work` with the server's clock at `iso`, then puts it back. */
async function at<T>(t: { h: { clock: { now: number } } }, iso: string, work: () => Promise<T>): Promise<T> {
  const was = t.h.clock.now;
  t.h.clock.now = Date.parse(iso);
  try {
    return await work();
  } finally {
    t.h.clock.now = was;
  }
}

describe('a removed member', () => {
  it('is told who removed them and when, stops syncing that space, keeps everything local; other spaces go on', async () => {
    const { t, carol, outbox } = await carolWithUnsentWork();
    // Carol is also a viewer of Beta, synced by this browser.
    const beta = await t.h.createSpace(t.owner, 'Beta');
    const code = await t.h.invite(t.owner, beta, 'viewer');
    expect((await t.h.call('POST', `/v1/invites/${code}/accept`, { token: carol.token, body: {} })).status).toBe(200);
    const joined = (await getConnection(carol.db))!;
    await saveConnection(carol.db, {
      ...joined,
      spaces: [...joined.spaces, { id: beta, name: 'Beta', role: 'viewer', clientId: null }],
    });

    await at(t, '2026-12-04T10:00:00.000Z', () =>
      t.h.call('DELETE', `/v1/spaces/${t.space}/members/${carol.id}`, { token: t.owner }),
    );
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0, failures: 0 });
    const [acme, betaSpace] = (await getConnection(carol.db))!.spaces;
    expect(acme!.ended).toEqual({ reason: 'removed', by: 'Dana Owner', at: '2026-12-04T10:00:00.000Z' });
    expect(betaSpace!.ended).toBeUndefined();
    expect(endedMessage(acme!, 'UTC')).toBe('Removed from Acme by Dana Owner on 4 Dec 2026; your local copy is kept.');
    // Nothing local is deleted: the log, her note and its unsent changes.
    expect((await carol.db.items.toArray()).map((i) => i.title).sort()).toEqual([
      'Carol’s note',
      'Renew the firewall contract',
    ]);
    expect(await carol.db.outbox.count()).toBe(outbox);

    // Later rounds leave Acme alone and go on with Beta.
    t.calls.length = 0;
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect(t.calls.filter((c) => c.includes(t.space))).toEqual([]);
    expect(t.calls).toEqual(['GET /v1/me', `GET /v1/spaces/${beta}/pull`]);
  });

  it('is found out by the push itself when the list of spaces still had the space', async () => {
    const { t, carol } = await carolWithUnsentWork();
    const stale = (await t.h.call('GET', '/v1/me', { token: carol.token })).json;
    await t.h.call('DELETE', `/v1/spaces/${t.space}/members/${carol.id}`, { token: t.owner });
    // The removal lands between the round's `GET /v1/me` and its push.
    const racing: Fetch = (url, init) =>
      new URL(url).pathname === '/v1/me' ? Promise.resolve(Response.json(stale)) : t.fetchApp(url, init);
    expect(await syncAll(carol.db, racing)).toMatchObject({ state: 'synced', pending: 0 });
    expect(t.calls.at(-1)).toBe(`POST /v1/spaces/${t.space}/push`);
    expect((await getConnection(carol.db))!.spaces[0]!.ended).toMatchObject({ reason: 'removed', by: 'Dana Owner' });
  });

  it('a space the server no longer has is marked gone', async () => {
    const { t, carol } = await carolWithUnsentWork();
    const c = (await getConnection(carol.db))!;
    await saveConnection(carol.db, {
      ...c,
      spaces: [...c.spaces, { id: 'no-such-space', name: 'Old client', role: 'editor', clientId: null }],
    });
    expect(await syncAll(carol.db, t.fetchApp, () => new Date('2026-12-05T09:00:00Z'))).toMatchObject({
      state: 'synced',
    });
    const gone = (await getConnection(carol.db))!.spaces[1]!;
    expect(gone.ended).toEqual({ reason: 'gone', by: null, at: '2026-12-05T09:00:00.000Z' });
    expect(endedMessage(gone, 'UTC')).toBe(
      'Old client is no longer on the sync server (found on 5 Dec 2026); your local copy is kept.',
    );
  });
});

describe('a role or a name changed elsewhere', () => {
  it('shows up at the next round: a demoted editor stops pushing, a rename is taken', async () => {
    const { t, carol } = await carolWithUnsentWork();
    await t.h.call('PATCH', `/v1/spaces/${t.space}/members/${carol.id}`, { token: t.owner, body: { role: 'viewer' } });
    await t.h.call('PATCH', '/v1/me', { token: carol.token, body: { name: 'Carol Tremblay' } });
    t.calls.length = 0;
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced', pending: 0 });
    const c = (await getConnection(carol.db))!;
    expect([c.spaces[0]!.role, c.spaces[0]!.ended, c.user.name]).toEqual(['viewer', undefined, 'Carol Tremblay']);
    expect(t.calls.some((call) => call.endsWith('/push'))).toBe(false);
    expect(await carol.db.outbox.count()).toBeGreaterThan(0); // kept, not sent
  });
});

describe('a device the server signed out', () => {
  it('says so and stops trying on schedule; "Sync now" still tries; nothing local is lost', async () => {
    const { t, carol, outbox } = await carolWithUnsentWork();
    const [token] = await t.h.store.listTokens(carol.id);
    await t.h.store.revokeToken(token!.id, '2026-12-04T10:00:00.000Z');

    const told = await syncAll(carol.db, t.fetchApp);
    expect(told).toMatchObject({ state: 'sign-in-needed', failures: 1 });
    const connection = (await getConnection(carol.db))!;
    expect(connection.signInNeeded).toEqual({ reason: 'revoked', at: '2026-12-04T10:00:00.000Z' });
    expect(signInMessage(connection.signInNeeded!, 'UTC')).toBe(
      "This device was signed out on 4 Dec 2026 (from another device, or by the server's administrator). Sign in " +
        'again to sync: your local log, and any changes not sent yet, are kept.',
    );
    expect(told.message).toMatch(/^This device was signed out on \d+ Dec 2026/);
    expect(connection.user.id).toBe(carol.id);

    t.calls.length = 0;
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'sign-in-needed', failures: 1 });
    expect(t.calls).toEqual([]); // a scheduled round asks nothing
    expect(await syncAll(carol.db, t.fetchApp, undefined, { manual: true })).toMatchObject({
      state: 'sign-in-needed',
      failures: 2,
    });
    expect(t.calls).toEqual(['GET /v1/me']);
    expect((await getConnection(carol.db))!.signInNeeded!.reason).toBe('revoked');
    expect(await carol.db.items.count()).toBe(2);
    expect(await carol.db.outbox.count()).toBe(outbox);
  });

  it('a token the server does not know says so; an expired sign-in says after how long', async () => {
    const { t, carol } = await carolWithUnsentWork();
    const dana = await t.ownerBrowser();
    const c = (await getConnection(dana.db))!;
    await saveConnection(dana.db, { ...c, token: 'A'.repeat(43) });
    expect(await syncAll(dana.db, t.fetchApp)).toMatchObject({
      state: 'sign-in-needed',
      message: expect.stringMatching(/^The sync server no longer knows this device/),
    });
    t.h.clock.now += 91 * DAY;
    expect((await syncAll(carol.db, t.fetchApp)).message).toBe(
      'Your sign-in expired after 90 days unused. Sign in again to sync: your local log, and any changes not sent ' +
        'yet, are kept.',
    );
    expect((await getConnection(carol.db))!.signInNeeded).toMatchObject({ reason: 'expired', idleDays: 90 });
  });
});

import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../../server/auth/secrets';
import { getConnection } from '../../../extension/sync/connection';
import { readDirectory } from '../../../extension/sync/members-directory';
import { teamMessage } from '../../../extension/sync/messages';
import { syncAll } from '../../../extension/sync/run';
import {
  changeRole,
  leaveSpace,
  listDevices,
  listMembers,
  removeMember,
  signOutDevice,
  signOutThisDevice,
} from '../../../extension/sync/team';
import { acmeTeam } from '../../support/team-browsers';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );

describe('the members of a space, from the Team panel', () => {
  it('lists them with role and last seen, and keeps the list for the history', async () => {
    const t = await acmeTeam();
    const dana = await t.ownerBrowser();
    const carol = await t.memberBrowser('Carol Editor', 'editor');
    const members = await listMembers(dana.db, t.space, t.fetchApp);
    // Joined at the same time here, so by name.
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['Carol Editor', 'editor'],
      ['Dana Owner', 'owner'],
    ]);
    expect(members[0]).toMatchObject({ id: carol.id, lastSeenAt: null });
    expect((await readDirectory(dana.db, t.space))!.members).toEqual(members);
  });

  it('the owner changes a role and removes a member; others may not', async () => {
    const t = await acmeTeam();
    const dana = await t.ownerBrowser();
    const carol = await t.memberBrowser('Carol Editor', 'editor');
    const vic = await t.memberBrowser('Vic Viewer', 'viewer');

    await changeRole(dana.db, t.space, carol.id, 'viewer', t.fetchApp);
    expect((await listMembers(dana.db, t.space, t.fetchApp)).find((m) => m.id === carol.id)!.role).toBe('viewer');
    const denied = await refusal(removeMember(vic.db, t.space, carol.id, t.fetchApp));
    expect(teamMessage(denied, 'remove', 'Acme', 'http://docket.test')).toBe('Only an owner of Acme can do that.');

    await removeMember(dana.db, t.space, carol.id, t.fetchApp);
    expect((await listMembers(dana.db, t.space, t.fetchApp)).map((m) => m.name)).toEqual(['Dana Owner', 'Vic Viewer']);
    const gone = await refusal(removeMember(dana.db, t.space, carol.id, t.fetchApp));
    expect(teamMessage(gone, 'remove', 'Acme', 'http://docket.test')).toBe(
      'That person is no longer a member of Acme; the list is now up to date.',
    );
    // Carol's panel, still open, learns it on its next call: the space is marked ended at once.
    const told = await refusal(listMembers(carol.db, t.space, t.fetchApp));
    expect(teamMessage(told, 'role', 'Acme', 'http://docket.test')).toMatch(
      /^Dana Owner removed you from Acme on \d{4}-\d\d-\d\d\. Your local copy is kept\.$/,
    );
    expect((await getConnection(carol.db))!.spaces[0]!.ended).toMatchObject({ reason: 'removed', by: 'Dana Owner' });
  });
});

describe('leaving a space', () => {
  it('keeps the local copy, marked as left; the last owner is told to name another first', async () => {
    const t = await acmeTeam();
    const dana = await t.ownerBrowser();
    await syncAll(dana.db, t.fetchApp);
    const carol = await t.memberBrowser('Carol Editor', 'editor');
    await syncAll(carol.db, t.fetchApp);
    const items = await carol.db.items.count();
    expect(items).toBe(1);

    await leaveSpace(carol.db, t.space, t.fetchApp, new Date('2026-12-04T10:00:00Z'));
    expect((await getConnection(carol.db))!.spaces[0]!.ended).toEqual({
      reason: 'left',
      by: null,
      at: '2026-12-04T10:00:00.000Z',
    });
    expect(await carol.db.items.count()).toBe(items);
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({ state: 'synced' });
    expect((await getConnection(carol.db))!.spaces[0]!.ended!.reason).toBe('left');

    const lastOwner = await refusal(leaveSpace(dana.db, t.space, t.fetchApp));
    expect(teamMessage(lastOwner, 'leave', 'Acme', 'http://docket.test')).toBe(
      'Acme needs another owner before you can leave: make someone else owner first.',
    );
    expect((await getConnection(dana.db))!.spaces[0]!.ended).toBeUndefined();
  });
});

describe('one’s devices', () => {
  it('lists them, signs another one out, then this one: the connection waits for a sign-in, the log stays', async () => {
    const t = await acmeTeam();
    await syncAll((await t.ownerBrowser()).db, t.fetchApp);
    const carol = await t.memberBrowser('Carol Editor', 'editor');
    await syncAll(carol.db, t.fetchApp);
    await t.h.store.addToken(carol.id, hashSecret('p'.repeat(43)), 'phone', new Date(t.h.clock.now).toISOString());

    const devices = await listDevices(carol.db, t.fetchApp);
    expect(devices.map((d) => [d.label, d.current]).sort()).toEqual([
      ['invite', true],
      ['phone', false],
    ]);
    const phone = devices.find((d) => d.label === 'phone')!;
    await signOutDevice(carol.db, phone.id, t.fetchApp);
    expect((await listDevices(carol.db, t.fetchApp)).map((d) => d.label)).toEqual(['invite']);
    const again = await refusal(signOutDevice(carol.db, phone.id, t.fetchApp));
    expect(teamMessage(again, 'device', 'Acme', 'http://docket.test')).toBe('That device is already signed out.');

    const before = (await getConnection(carol.db))!;
    await signOutThisDevice(carol.db, t.fetchApp, new Date('2026-12-04T10:00:00Z'));
    const after = (await getConnection(carol.db))!;
    expect(after).toEqual({ ...before, signInNeeded: { reason: 'signed-out', at: '2026-12-04T10:00:00.000Z' } });
    expect((await t.h.call('GET', '/v1/me', { token: carol.token })).json.error).toBe('token-revoked');
    t.calls.length = 0;
    expect(await syncAll(carol.db, t.fetchApp)).toMatchObject({
      state: 'sign-in-needed',
      message: expect.stringMatching(/^You signed this device out on 4 Dec 2026\. Sign in again/),
    });
    expect(t.calls).toEqual([]);
    expect(await carol.db.items.count()).toBe(1);
  });
});

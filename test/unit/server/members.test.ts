import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { change, harness, pushBody } from './helpers';
import { openStream, pokes, servers } from './streams';

/** An owner, an editor and a viewer in one space, and an outsider in another. */
async function team() {
  const h = harness();
  const owner = await h.setUp('Dana');
  const space = await h.createSpace(owner);
  const editor = await h.join(owner, space, 'editor', 'Sam');
  const viewer = await h.join(owner, space, 'viewer', 'Vic');
  const outsider = await h.join(owner, await h.createSpace(owner, 'Beta'), 'owner', 'Olga');
  const id = async (name: string) => (await h.store.listUsers()).find((u) => u.name === name)!.id;
  return {
    h,
    owner,
    space,
    editor,
    viewer,
    outsider,
    ids: { owner: await id('Dana'), editor: await id('Sam'), viewer: await id('Vic') },
  };
}

describe('members list', () => {
  it('shows every member to any member, with role, joined and last seen times', async () => {
    const { h, owner, space, editor, viewer, ids } = await team();
    for (const token of [owner, editor, viewer]) {
      const res = await h.call('GET', `/v1/spaces/${space}/members`, { token });
      expect(res.status).toBe(200);
      expect(res.json.members.map((m: { id: string; role: string }) => [m.id, m.role])).toEqual([
        [ids.owner, 'owner'],
        [ids.editor, 'editor'],
        [ids.viewer, 'viewer'],
      ]);
    }
    const res = await h.call('GET', `/v1/spaces/${space}/members`, { token: owner });
    expect(res.json.members[1]).toEqual({
      id: ids.editor,
      name: 'Sam',
      role: 'editor',
      joinedAt: '2026-11-26T14:00:00.000Z',
      lastSeenAt: '2026-11-26T14:00:00.000Z',
    });
  });

  it('is not for outsiders or the signed out', async () => {
    const { h, space, outsider } = await team();
    expect((await h.call('GET', `/v1/spaces/${space}/members`, { token: outsider })).status).toBe(404);
    expect((await h.call('GET', `/v1/spaces/${space}/members`)).status).toBe(401);
  });

  it('records last seen at most once a minute per member', async () => {
    const { h, space, editor, owner, ids } = await team();
    const seen = async () =>
      (await h.call('GET', `/v1/spaces/${space}/members`, { token: owner })).json.members.find(
        (m: { id: string }) => m.id === ids.editor,
      ).lastSeenAt;
    await h.call('GET', `/v1/spaces/${space}/pull`, { token: editor });
    h.clock.now += 30_000;
    await h.call('GET', `/v1/spaces/${space}/pull`, { token: editor });
    expect(await seen()).toBe('2026-11-26T14:00:00.000Z');
    h.clock.now += 31_000;
    await h.push(editor, space, pushBody([change()]));
    expect(await seen()).toBe('2026-11-26T14:01:01.000Z');
  });
});

describe('changing a role', () => {
  it('is for the owner, and holds from the next request', async () => {
    const { h, owner, space, editor, ids } = await team();
    expect((await h.push(editor, space, pushBody([change()]))).status).toBe(200);
    const res = await h.call('PATCH', `/v1/spaces/${space}/members/${ids.editor}`, {
      token: owner,
      body: { role: 'viewer' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: ids.editor, name: 'Sam', role: 'viewer' });
    const refused = await h.push(editor, space, pushBody([change({ value: 'Later' })], 2));
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('forbidden');
  });

  it('refuses editors, viewers and outsiders, unknown members and bad roles', async () => {
    const { h, owner, space, editor, viewer, outsider, ids } = await team();
    const patch = (token: string, userId: string, body: unknown) =>
      h.call('PATCH', `/v1/spaces/${space}/members/${userId}`, { token, body });
    for (const token of [editor, viewer]) {
      const res = await patch(token, ids.viewer, { role: 'owner' });
      expect([res.status, res.json.error]).toEqual([403, 'forbidden']);
    }
    expect((await patch(outsider, ids.viewer, { role: 'owner' })).status).toBe(404);
    expect((await patch(owner, 'no-such-user', { role: 'editor' })).json.error).toBe('not-found');
    expect((await patch(owner, ids.viewer, { role: 'admin' })).status).toBe(400);
    expect((await h.store.membership(space, ids.viewer))?.role).toBe('viewer');
  });

  it('keeps an owner: the last owner cannot step down, one of two can', async () => {
    const { h, owner, space, ids } = await team();
    const patch = (userId: string, role: string) =>
      h.call('PATCH', `/v1/spaces/${space}/members/${userId}`, { token: owner, body: { role } });
    const alone = await patch(ids.owner, 'editor');
    expect([alone.status, alone.json.error]).toEqual([409, 'last-owner']);
    expect((await patch(ids.editor, 'owner')).status).toBe(200);
    expect((await patch(ids.owner, 'viewer')).json.role).toBe('viewer');
    expect((await h.call('GET', `/v1/spaces/${space}/members`, { token: owner })).status).toBe(200);
    expect((await patch(ids.viewer, 'editor')).status).toBe(403);
  });
});

describe('removing a member and leaving', () => {
  it('the owner removes a member, who is refused from the next request', async () => {
    const { h, owner, space, editor, ids } = await team();
    h.clock.now = Date.parse('2026-12-04T10:00:00.000Z');
    const res = await h.call('DELETE', `/v1/spaces/${space}/members/${ids.editor}`, { token: owner });
    expect(res.status).toBe(204);
    // Told who removed them and when (from the membership trail), on every request for the space.
    const refused = await h.call('GET', `/v1/spaces/${space}/pull`, { token: editor });
    expect([refused.status, refused.json]).toEqual([
      403,
      {
        error: 'removed',
        message: 'Dana removed you from Acme Manufacturing on 2026-12-04.',
        removal: { action: 'removed', by: { id: ids.owner, name: 'Dana' }, at: '2026-12-04T10:00:00.000Z' },
      },
    ]);
    expect((await h.push(editor, space, pushBody([change()]))).json.error).toBe('removed');
    expect((await h.call('GET', `/v1/spaces/${space}/members`, { token: editor })).status).toBe(403);
    expect((await h.call('GET', '/v1/me', { token: editor })).json.spaces).toEqual([]);
    const again = await h.call('DELETE', `/v1/spaces/${space}/members/${ids.editor}`, { token: owner });
    expect(again.status).toBe(404);
  });

  it('a member who comes back is a member again; removed a second time, is told of the latest removal', async () => {
    const { h, owner, space, editor, ids } = await team();
    await h.call('DELETE', `/v1/spaces/${space}/members/${ids.editor}`, { token: owner });
    const code = await h.invite(owner, space, 'viewer');
    expect((await h.call('POST', `/v1/invites/${code}/accept`, { token: editor, body: {} })).status).toBe(200);
    expect((await h.call('GET', `/v1/spaces/${space}/pull`, { token: editor })).status).toBe(200);
    await h.call('PATCH', `/v1/spaces/${space}/members/${ids.editor}`, { token: owner, body: { role: 'owner' } });
    h.clock.now += 86_400_000;
    await h.call('DELETE', `/v1/spaces/${space}/members/${ids.owner}`, { token: editor });
    const told = await h.call('GET', `/v1/spaces/${space}`, { token: owner });
    expect([told.status, told.json.message]).toEqual([403, 'Sam removed you from Acme Manufacturing on 2026-11-27.']);
  });

  it('others may not remove anyone but themselves', async () => {
    const { h, space, editor, viewer, outsider, ids } = await team();
    for (const [token, target] of [
      [editor, ids.viewer],
      [viewer, ids.editor],
      [editor, ids.owner],
    ] as const) {
      const res = await h.call('DELETE', `/v1/spaces/${space}/members/${target}`, { token });
      expect([res.status, res.json.error]).toEqual([403, 'forbidden']);
    }
    expect((await h.call('DELETE', `/v1/spaces/${space}/members/${ids.viewer}`, { token: outsider })).status).toBe(404);
    expect(await h.store.listMembers(space)).toHaveLength(3);
  });

  it('a member leaves; the last owner cannot', async () => {
    const { h, owner, space, viewer, ids } = await team();
    expect((await h.call('DELETE', `/v1/spaces/${space}/members/${ids.viewer}`, { token: viewer })).status).toBe(204);
    const gone = await h.call('GET', `/v1/spaces/${space}`, { token: viewer });
    expect([gone.status, gone.json.error, gone.json.message]).toEqual([
      403,
      'removed',
      'You left Acme Manufacturing on 2026-11-26.',
    ]);
    expect(gone.json.removal).toMatchObject({ action: 'left', by: { id: ids.viewer } });
    const last = await h.call('DELETE', `/v1/spaces/${space}/members/${ids.owner}`, { token: owner });
    expect([last.status, last.json.error]).toEqual([409, 'last-owner']);
    await h.call('PATCH', `/v1/spaces/${space}/members/${ids.editor}`, { token: owner, body: { role: 'owner' } });
    expect((await h.call('DELETE', `/v1/spaces/${space}/members/${ids.owner}`, { token: owner })).status).toBe(204);
    expect((await h.store.listMembers(space)).map((m) => [m.name, m.role])).toEqual([['Sam', 'owner']]);
  });
});

describe('membership trail', () => {
  it('records invites accepted, role changes, removals and leaving: who, whom, when, roles before and after', async () => {
    const { h, owner, space, editor, viewer, ids } = await team();
    h.clock.now += 60_000;
    await h.call('PATCH', `/v1/spaces/${space}/members/${ids.viewer}`, { token: owner, body: { role: 'editor' } });
    await h.push(editor, space, pushBody([change()]));
    h.clock.now += 60_000;
    await h.call('DELETE', `/v1/spaces/${space}/members/${ids.editor}`, { token: owner });
    await h.call('DELETE', `/v1/spaces/${space}/members/${ids.viewer}`, { token: viewer });

    const res = await h.call('GET', `/v1/spaces/${space}/audit?section=membership&format=json`, { token: owner });
    const t0 = '2026-11-26T14:00:00.000Z';
    const t2 = '2026-11-26T14:02:00.000Z';
    expect(
      res.json.map((e: Record<string, unknown>) => [
        e.at,
        e.action,
        e.actorName,
        e.subjectName,
        e.roleBefore,
        e.roleAfter,
      ]),
    ).toEqual([
      [t0, 'invite-accepted', 'Dana', 'Sam', null, 'editor'],
      [t0, 'invite-accepted', 'Dana', 'Vic', null, 'viewer'],
      ['2026-11-26T14:01:00.000Z', 'role-changed', 'Dana', 'Vic', 'viewer', 'editor'],
      [t2, 'removed', 'Dana', 'Sam', 'editor', null],
      [t2, 'left', 'Vic', 'Vic', 'editor', null],
    ]);
    expect(res.json[3]).toMatchObject({ kind: 'membership', actorId: ids.owner, subjectId: ids.editor });

    // The whole trail, in time order: the change pushed at 14:01 sits between the role change and the removal.
    const all = await h.call('GET', `/v1/spaces/${space}/audit`, { token: owner });
    const lines = all.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.action ?? `change ${l.seq}`)).toEqual([
      'invite-accepted',
      'invite-accepted',
      'role-changed',
      'change 1',
      'removed',
      'left',
    ]);
    const changesOnly = await h.call('GET', `/v1/spaces/${space}/audit?section=changes`, { token: owner });
    expect(changesOnly.text.trim().split('\n')).toHaveLength(1);
  });
});

describe('display names', () => {
  it('are unique within a space, compared without case and surrounding spaces', async () => {
    const { h, owner, space } = await team();
    const code = await h.invite(owner, space, 'viewer');
    const clash = await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: '  sAM ' } });
    expect([clash.status, clash.json.error]).toEqual([409, 'name-taken']);
    // The invite is still good for another name, and a name used in another space is fine.
    const ok = await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Olga' } });
    expect(ok.status).toBe(200);
  });

  it('a signed-in person whose name is taken in the space cannot join it by invite', async () => {
    const { h, owner, space, outsider } = await team();
    await h.call('PATCH', '/v1/me', { token: outsider, body: { name: 'vic' } });
    const code = await h.invite(owner, space, 'viewer');
    const res = await h.call('POST', `/v1/invites/${code}/accept`, { token: outsider, body: {} });
    expect([res.status, res.json.error]).toEqual([409, 'name-taken']);
  });

  it('a rename must stay unique in each of one’s spaces', async () => {
    const { h, editor, outsider } = await team();
    const taken = await h.call('PATCH', '/v1/me', { token: editor, body: { name: 'DANA' } });
    expect([taken.status, taken.json.error]).toEqual([409, 'name-taken']);
    expect((await h.call('PATCH', '/v1/me', { token: editor, body: { name: 'sam' } })).json.user.name).toBe('sam');
    expect((await h.call('PATCH', '/v1/me', { token: outsider, body: { name: 'Dana' } })).status).toBe(409);
    expect((await h.call('PATCH', '/v1/me', { token: outsider, body: { name: 'Sam' } })).status).toBe(200);
  });

  it('are plain text of 1–80 characters', async () => {
    const { h, editor } = await team();
    const rename = (name: string) => h.call('PATCH', '/v1/me', { token: editor, body: { name } });
    for (const bad of ['', '   ', 'x'.repeat(81), 'Sam\u0000', 'Sam\nDana', 'Sam\u202eanaD', 'Sam\u0085']) {
      const res = await rename(bad);
      expect([bad, res.status, res.json.error]).toEqual([bad, 400, 'bad-request']);
    }
    expect((await rename('é'.repeat(80))).status).toBe(200);
    const printed: string[] = [];
    expect(await runAdmin(h.store, ['users', 'add', 'Mallory\u202e'], (l) => printed.push(l))).toBe(1);
    expect(printed.join('\n')).toMatch(/Not a display name/);
    expect((await rename('  <b>Sam</b> 👩‍💻  ')).json.user.name).toBe('<b>Sam</b> 👩‍💻');
  });
});

describe('event streams of a member whose access changes', () => {
  servers();

  it('end within a second of a removal or a role change; others stay open', async () => {
    const h = harness({ keepAliveMs: 60_000 });
    const owner = await h.setUp('Dana');
    const space = await h.createSpace(owner);
    const editor = await h.join(owner, space, 'editor', 'Sam');
    const viewer = await h.join(owner, space, 'viewer', 'Vic');
    const id = async (name: string) => (await h.store.listUsers()).find((u) => u.name === name)!.id;
    const [ownerStream, editorStream, viewerStream] = await Promise.all(
      [owner, editor, viewer].map((token) => openStream(h, space, token)),
    );
    for (const s of [ownerStream, editorStream, viewerStream]) await s!.until((t) => pokes(t).length > 0);

    const started = Date.now();
    await h.call('DELETE', `/v1/spaces/${space}/members/${await id('Sam')}`, { token: owner });
    await editorStream!.until(() => false, 1000);
    expect(editorStream!.state.ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);

    await h.call('PATCH', `/v1/spaces/${space}/members/${await id('Vic')}`, { token: owner, body: { role: 'editor' } });
    await viewerStream!.until(() => false, 1000);
    expect(viewerStream!.state.ended).toBe(true);
    expect(ownerStream!.state.ended).toBe(false);
    expect(h.pokes.listening).toBe(1);
  });

  it('end within a second when the membership changes outside the API (another process)', async () => {
    const h = harness({ keepAliveMs: 60_000 });
    const owner = await h.setUp('Dana');
    const space = await h.createSpace(owner);
    const editor = await h.join(owner, space, 'editor', 'Sam');
    const stream = await openStream(h, space, editor);
    await stream.until((t) => pokes(t).length > 0);
    const ownerId = (await h.store.listUsers()).find((u) => u.name === 'Dana')!.id;
    const samId = (await h.store.listUsers()).find((u) => u.name === 'Sam')!.id;
    await h.store.removeMember(space, samId, ownerId, new Date(h.clock.now).toISOString());
    await stream.until(() => false, 1000);
    expect(stream.state.ended).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { change, harness, pushBody } from './helpers';

/** Every space route, for one space. */
function spaceRoutes(space: string) {
  return [
    ['GET', `/v1/spaces/${space}`],
    ['GET', `/v1/spaces/${space}/pull`],
    ['GET', `/v1/spaces/${space}/snapshot`],
    ['GET', `/v1/spaces/${space}/events`],
    ['GET', `/v1/spaces/${space}/audit`],
    ['POST', `/v1/spaces/${space}/push`],
    ['POST', `/v1/spaces/${space}/invites`],
  ] as const;
}

async function twoClients() {
  const h = harness();
  const owner = await h.setUp();
  const spaceA = await h.createSpace(owner, 'Acme');
  const spaceB = await h.createSpace(owner, 'Beta');
  await h.push(owner, spaceB, pushBody([change({ value: 'Beta secret' })]));
  const coordinatorA = await h.join(owner, spaceA, 'owner', 'Acme IT coordinator');
  return { h, owner, spaceA, spaceB, coordinatorA };
}

describe('isolation between spaces', () => {
  it('gives a token for space A the same 404 for space B as for a space that does not exist', async () => {
    const { h, spaceB, coordinatorA } = await twoClients();
    const before = await h.store.counts();
    for (const [method, path] of spaceRoutes(spaceB)) {
      const body = method === 'POST' ? pushBody([change()]) : undefined;
      const res = await h.call(method, path, { token: coordinatorA, body });
      const missing = await h.call(method, path.replace(spaceB, 'no-such-space'), { token: coordinatorA, body });
      expect(res.status, path).toBe(404);
      expect(res.json).toEqual({ error: 'not-found', message: 'No such space.' });
      expect(missing.json).toEqual(res.json);
      expect(res.text).not.toContain('Beta');
    }
    expect(await h.store.counts()).toEqual(before);
    const me = await h.call('GET', '/v1/me', { token: coordinatorA });
    expect(me.json.spaces.map((s: { name: string }) => s.name)).toEqual(['Acme']);
  });

  it('lets a viewer pull but never push', async () => {
    const { h, owner, spaceB } = await twoClients();
    const viewer = await h.join(owner, spaceB, 'viewer');
    const pulled = await h.call('GET', `/v1/spaces/${spaceB}/pull`, { token: viewer });
    expect(pulled.json.changes.map((c: { value: string }) => c.value)).toEqual(['Beta secret']);
    const before = await h.store.counts();
    const res = await h.push(viewer, spaceB, pushBody([change({ value: 'Changed by a viewer' })], 1, 'viewer-replica'));
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('forbidden');
    expect(await h.store.counts()).toEqual(before);
  });

  it('lets only an owner invite', async () => {
    const { h, owner, spaceA } = await twoClients();
    const editor = await h.join(owner, spaceA, 'editor');
    const before = await h.store.counts();
    const res = await h.call('POST', `/v1/spaces/${spaceA}/invites`, { token: editor, body: { role: 'owner' } });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('forbidden');
    expect(await h.store.counts()).toEqual(before);
  });
});

describe('invites', () => {
  it('refuses an expired invite and changes nothing', async () => {
    const h = harness();
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const code = await h.invite(owner, space, 'editor', 1);
    h.clock.now += 3_600_000 + 1;
    const before = await h.store.counts();
    const res = await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Late Larry' } });
    expect(res.status).toBe(410);
    expect(res.json.error).toBe('invite-expired');
    expect(await h.store.counts()).toEqual(before);
  });

  it('an invite made by an owner who was since demoted or removed no longer holds, and changes nothing', async () => {
    const h = harness();
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const second = await h.join(owner, space, 'owner', 'Olivia Owner');
    const secondId = (await h.call('GET', '/v1/me', { token: second })).json.user.id as string;
    const demotedCode = await h.invite(second, space, 'editor');
    const removedCode = await h.invite(second, space, 'viewer');
    const keptCode = await h.invite(owner, space, 'editor');
    const demote = { token: owner, body: { role: 'editor' } };
    expect((await h.call('PATCH', `/v1/spaces/${space}/members/${secondId}`, demote)).status).toBe(200);
    let before = await h.store.counts();
    const refused = await h.call('POST', `/v1/invites/${demotedCode}/accept`, { body: { name: 'Eve Editor' } });
    expect([refused.status, refused.json.error]).toEqual([410, 'invite-expired']);
    expect(refused.json.message).toMatch(/no longer an owner/);
    expect(await h.store.counts()).toEqual(before);

    expect((await h.call('DELETE', `/v1/spaces/${space}/members/${secondId}`, { token: owner })).status).toBe(204);
    before = await h.store.counts();
    const gone = await h.call('POST', `/v1/invites/${removedCode}/accept`, { body: { name: 'Vic Viewer' } });
    expect([gone.status, gone.json.error]).toEqual([410, 'invite-expired']);
    expect(await h.store.counts()).toEqual(before);
    // The remaining owner's invite still holds.
    expect((await h.call('POST', `/v1/invites/${keptCode}/accept`, { body: { name: 'Eve Editor' } })).status).toBe(200);
  });

  it('refuses a used invite and changes nothing', async () => {
    const h = harness();
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const code = await h.invite(owner, space, 'editor');
    expect((await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Sam' } })).status).toBe(200);
    const before = await h.store.counts();
    const res = await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Eve' } });
    expect(res.status).toBe(410);
    expect(res.json.error).toBe('invite-used');
    expect(await h.store.counts()).toEqual(before);
  });

  it('adds a signed-in person to the space without a new account', async () => {
    const h = harness();
    const owner = await h.setUp();
    const acme = await h.createSpace(owner, 'Acme');
    const beta = await h.createSpace(owner, 'Beta');
    const sam = await h.join(owner, acme, 'editor', 'Sam');
    const code = await h.invite(owner, beta, 'viewer');
    const users = (await h.store.counts()).users;
    const res = await h.call('POST', `/v1/invites/${code}/accept`, { token: sam, body: {} });
    expect(res.status).toBe(200);
    expect(res.json.token).toBeUndefined();
    expect(res.json.space).toEqual({ id: beta, name: 'Beta', role: 'viewer' });
    expect((await h.store.counts()).users).toBe(users);
    const me = await h.call('GET', '/v1/me', { token: sam });
    expect(me.json.spaces.map((s: { name: string; role: string }) => `${s.name}:${s.role}`)).toEqual([
      'Acme:editor',
      'Beta:viewer',
    ]);
  });

  it('answers an unknown code with 404', async () => {
    const h = harness();
    await h.setUp();
    const res = await h.call('POST', `/v1/invites/${'z'.repeat(43)}/accept`, { body: { name: 'Sam' } });
    expect(res.status).toBe(404);
    expect(res.json.error).toBe('not-found');
  });
});

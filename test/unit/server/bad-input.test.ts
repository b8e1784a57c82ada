import { describe, expect, it } from 'vitest';
import { change, harness, hlc, pushBody } from './helpers';

/** A space with one change in it, and a check that a request is rejected with `code` and changes no row. */
async function setting(overrides = {}) {
  const h = harness(overrides);
  const owner = await h.setUp();
  const space = await h.createSpace(owner);
  await h.push(owner, space, pushBody([change()], 1));
  async function rejects(
    code: string,
    status: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const before = await h.store.counts();
    const res = await h.call(method, path, { token: owner, body, headers });
    expect(res.json, res.text).toEqual({ error: code, message: expect.any(String) });
    expect(res.status).toBe(status);
    expect(await h.store.counts()).toEqual(before);
    return res;
  }
  return { h, owner, space, rejects, pushPath: `/v1/spaces/${space}/push` };
}

describe('bad input gets a 4xx with a stable code and changes nothing', () => {
  it('malformed JSON: bad-json', async () => {
    const { rejects, pushPath } = await setting();
    await rejects('bad-json', 400, 'POST', pushPath, '{"protocol": 1, "changes": [');
  });

  it('a body of the wrong shape: bad-request, saying where', async () => {
    const { rejects, pushPath } = await setting();
    const res = await rejects('bad-request', 400, 'POST', pushPath, pushBody([change({ hlc: 'yesterday' })], 2));
    expect(res.json.message).toMatch(/^changes\.0\.hlc: /);
    await rejects('bad-request', 400, 'POST', pushPath, pushBody([], 2));
    await rejects('bad-request', 400, 'POST', pushPath, pushBody([change()], 0));
    await rejects('bad-request', 400, 'POST', pushPath, [1, 2]);
  });

  it('an unknown table: unknown-table, naming the change', async () => {
    const { rejects, pushPath } = await setting();
    const res = await rejects(
      'unknown-table',
      400,
      'POST',
      pushPath,
      pushBody([change({ id: 'item-2' }), { ...change(), table: 'invoices' }], 2),
    );
    expect(res.json.message).toMatch(/^change 1: unknown table "invoices"/);
  });

  it('an unknown field: unknown-field, naming the change', async () => {
    const { rejects, pushPath } = await setting();
    const res = await rejects(
      'unknown-field',
      400,
      'POST',
      pushPath,
      pushBody([change({ id: 'item-2' }), change({ field: 'colour', value: 'red' })], 2),
    );
    expect(res.json.message).toMatch(/^change 1: items\.colour/);
  });

  it('a value of the wrong type: wrong-type', async () => {
    const { rejects, pushPath } = await setting();
    await rejects('wrong-type', 400, 'POST', pushPath, pushBody([change({ value: 42 })], 2));
  });

  it('a stamp from a clock far ahead: clock-skew', async () => {
    const { rejects, pushPath } = await setting();
    await rejects('clock-skew', 400, 'POST', pushPath, pushBody([change({ hlc: hlc(3_600_000) })], 2));
  });

  it('an old protocol: upgrade-required', async () => {
    const { rejects, pushPath } = await setting();
    await rejects('upgrade-required', 426, 'POST', pushPath, pushBody([change()], 2, 'replica-a', 0));
  });

  it('more than 1000 changes in a push: too-large', async () => {
    const { rejects, pushPath } = await setting();
    const changes = Array.from({ length: 1001 }, (_, i) => change({ id: `item-${i}` }));
    const res = await rejects('too-large', 413, 'POST', pushPath, pushBody(changes, 2));
    expect(res.json.message).toMatch(/1000/);
  });

  it('a body over the limit: too-large, with or without a Content-Length', async () => {
    const { rejects, pushPath } = await setting({ bodyLimitBytes: 2048 });
    const big = pushBody([change({ value: 'x'.repeat(3000) })], 2);
    await rejects('too-large', 413, 'POST', pushPath, big);
    await rejects('too-large', 413, 'POST', pushPath, big, { 'content-length': String(JSON.stringify(big).length) });
  });

  it('a bad pull cursor or limit: bad-cursor, bad-request', async () => {
    const { rejects, space } = await setting();
    await rejects('bad-cursor', 400, 'GET', `/v1/spaces/${space}/pull?cursor=c1.AAAA`);
    await rejects('bad-request', 400, 'GET', `/v1/spaces/${space}/pull?limit=0`);
    await rejects('bad-request', 400, 'GET', `/v1/spaces/${space}/snapshot?limit=lots`);
    await rejects('bad-request', 400, 'GET', `/v1/spaces/${space}/audit?format=xml`);
  });

  it('bad account requests: bad-request', async () => {
    const { h, rejects, space } = await setting();
    await rejects('bad-request', 400, 'POST', '/v1/spaces', { name: '   ' });
    await rejects('bad-request', 400, 'POST', `/v1/spaces/${space}/invites`, { role: 'admin' });
    await rejects('bad-request', 400, 'POST', `/v1/spaces/${space}/invites`, { role: 'viewer', expiresInHours: 0 });
    const before = await h.store.counts();
    const anonymous = await h.call('POST', `/v1/spaces/${space}/invites`, { body: { role: 'viewer' } });
    expect(anonymous.json.error).toBe('unauthorized');
    const setup = await h.call('POST', '/v1/setup', { body: { code: 'short', name: 'X' } });
    expect(setup.json.error).toBe('bad-request');
    expect(await h.store.counts()).toEqual(before);
  });

  it('an invite accepted without a name or a token: bad-request', async () => {
    const { h, owner, space } = await setting();
    const code = await h.invite(owner, space, 'editor');
    const before = await h.store.counts();
    const res = await h.call('POST', `/v1/invites/${code}/accept`, { body: {} });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('bad-request');
    expect(await h.store.counts()).toEqual(before);
    expect((await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Sam' } })).status).toBe(200);
  });
});

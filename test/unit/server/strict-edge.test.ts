import { describe, expect, it } from 'vitest';
import { change, harness, hlc, pushBody } from './helpers';

/** A space with one change in it, and a check that a request is refused with `code` and changes no row. */
async function setting() {
  const h = harness();
  const owner = await h.setUp();
  const space = await h.createSpace(owner);
  await h.push(owner, space, pushBody([change()], 1));
  const pushPath = `/v1/spaces/${space}/push`;
  async function refused(code: string, status: number, path: string, body: unknown, headers?: Record<string, string>) {
    const before = await h.store.counts();
    const res = await h.call('POST', path, { token: owner, body, headers });
    expect(res.json, res.text).toEqual({ error: code, message: expect.any(String) });
    expect(res.status).toBe(status);
    expect(await h.store.counts()).toEqual(before);
    return res.json.message as string;
  }
  return { h, owner, space, pushPath, refused };
}

describe('request bodies are application/json', () => {
  it('refuses a text/plain, form or untyped body with 415 unsupported-media-type, even when it is valid JSON', async () => {
    const { pushPath, refused } = await setting();
    const body = pushBody([change({ id: 'item-2' })], 2);
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'json']) {
      await refused('unsupported-media-type', 415, pushPath, body, { 'content-type': type });
    }
    await refused('unsupported-media-type', 415, pushPath, body, {
      'content-type': 'application/json; charset=latin1',
    });
    await refused('unsupported-media-type', 415, '/v1/spaces', { name: 'Beta' }, { 'content-type': 'text/plain' });
  });

  it('refuses a body with no content type', async () => {
    const { h, owner, space } = await setting();
    const res = await h.app.request(`/v1/spaces/${space}/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}` },
      body: new Blob([JSON.stringify(pushBody([change({ id: 'item-2' })], 2))]),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported-media-type');
  });

  it('takes application/json with or without a utf-8 charset, in any case', async () => {
    const { h, owner, space } = await setting();
    const types = ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset="UTF-8"'];
    for (const [i, type] of types.entries()) {
      const res = await h.call('POST', `/v1/spaces/${space}/push`, {
        token: owner,
        body: pushBody([change({ id: `item-${i + 2}` })], i + 2),
        headers: { 'content-type': type },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json.ackedSeq).toBe(i + 2);
    }
  });
});

describe('unknown keys are refused with their path: 400 unknown-field', () => {
  it('at the top of a push, in a change, and inside a change value', async () => {
    const { pushPath, refused } = await setting();
    expect(await refused('unknown-field', 400, pushPath, { ...pushBody([change()], 2), force: true })).toMatch(
      /^force: /,
    );
    const authored = { ...change({ id: 'item-2' }), author: 'Dana' };
    expect(await refused('unknown-field', 400, pushPath, pushBody([change(), authored], 2))).toMatch(
      /^changes\.1\.author: /,
    );
    const amount = { value: 10, currency: 'USD', recurrence: 'monthly', note: 'x' };
    expect(
      await refused('unknown-field', 400, pushPath, pushBody([change({ field: 'amount', value: amount })], 2)),
    ).toBe('change 0: items.amount.note is not a key of items.amount');
  });

  it('in the account and space endpoints too', async () => {
    const { space, refused } = await setting();
    expect(await refused('unknown-field', 400, '/v1/spaces', { name: 'Beta', owner: 'someone' })).toMatch(/^owner: /);
    expect(
      await refused('unknown-field', 400, `/v1/spaces/${space}/invites`, { role: 'viewer', expiresInHours: 1, x: 1 }),
    ).toMatch(/^x: /);
  });

  it('__proto__, constructor and prototype, at the top or nested, even inside a value', async () => {
    const { pushPath, refused } = await setting();
    const one = JSON.stringify(change({ id: 'item-2' }));
    const bodies: [string, RegExp][] = [
      [`{"protocol":1,"replicaId":"replica-a","seq":2,"changes":[${one}],"__proto__":{"admin":true}}`, /^__proto__: /],
      [
        `{"protocol":1,"replicaId":"replica-a","seq":2,"changes":[${one.replace('{', '{"__proto__":{"x":1},')}]}`,
        /^changes\.0\.__proto__: /,
      ],
      [
        `{"protocol":1,"replicaId":"replica-a","seq":2,"changes":[${one.replace('"Renew the firewall contract"', '{"constructor":{"prototype":1}}')}]}`,
        /^changes\.0\.value\.constructor: /,
      ],
      [`{"name":"Beta","prototype":null}`, /^prototype: /],
    ];
    for (const [body, where] of bodies) {
      const path = body.startsWith('{"name"') ? '/v1/spaces' : pushPath;
      expect(await refused('unknown-field', 400, path, body)).toMatch(where);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('ids have their documented form', () => {
  it('a replica id is 1–64 letters, digits and dashes: anything else is bad-request', async () => {
    const { pushPath, refused } = await setting();
    for (const replica of ['', 'replica a', 'réplica', 'replica_a', 'a:b', 'x'.repeat(65), '<b>r</b>']) {
      const body = { ...pushBody([change({ id: 'item-2' })], 2), replicaId: replica };
      expect(await refused('bad-request', 400, pushPath, body)).toMatch(/^replicaId: /);
    }
  });

  it('a record id is 1–100 letters, digits and -_.@, starting with a letter or digit', async () => {
    const { h, owner, space, pushPath, refused } = await setting();
    for (const id of ['', 'item 2', '-item', '<b>x</b>', 'a/b', 'x'.repeat(101), 'ítem']) {
      expect(await refused('bad-request', 400, pushPath, pushBody([change({ id })], 2))).toMatch(/^changes\.0\.id: /);
    }
    const ids = [
      '0193a7c2-5b1e-7f00-9a41-2c6d1f0e8b17',
      '0193a7c2-5b1e-7f00-9a41-2c6d1f0e8b17@2026-12-01',
      'x'.repeat(100),
    ];
    const res = await h.push(
      owner,
      space,
      pushBody(
        ids.map((id, i) => change({ id, hlc: hlc(i + 1) })),
        2,
      ),
    );
    expect(res.status, res.text).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { createLogger } from '../../../server/log';
import { harness } from './helpers';

const CHROME = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const FIREFOX = 'moz-extension://0b9e3c1a-6a4f-4c61-9a36-0d9d7c9b1f2e';

describe('CORS', () => {
  it('allows extension origins and configured ones, and refuses others', async () => {
    const h = harness({ corsOrigins: ['http://localhost:3000'] });
    for (const origin of [CHROME, FIREFOX, 'http://localhost:3000']) {
      const res = await h.call('GET', '/v1/health', { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['https://evil.test', 'chrome-extension://evil.test', 'null']) {
      const res = await h.call('GET', '/v1/health', { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a preflight from an extension with the methods and headers it needs', async () => {
    const h = harness();
    const headers = {
      origin: CHROME,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    };
    const res = await h.call('OPTIONS', '/v1/spaces/x/push', { headers });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(CHROME);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const evil = await h.call('OPTIONS', '/v1/spaces/x/push', { headers: { ...headers, origin: 'https://evil.test' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('health', () => {
  it('answers without a token, with the protocol version and the store', async () => {
    const res = await harness().call('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, protocol: 1, store: 'sqlite' });
  });
});

describe('headers', () => {
  it('sends secure headers and a request id on every answer, errors included', async () => {
    const h = harness();
    for (const path of ['/v1/health', '/v1/me', '/v1/nothing-here']) {
      const res = await h.call('GET', path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await h.call('GET', '/v1/nothing-here')).json.error).toBe('not-found');
  });
});

describe('errors', () => {
  it('answers an unexpected failure with 500 server-error and no stack trace', async () => {
    const store = openSqliteStore(':memory:');
    const logged: string[] = [];
    const h = harness({ log: createLogger('error', (l) => logged.push(l)) }, store);
    const token = await h.setUp();
    store.listMemberships = () => {
      throw new Error('disk on fire at /secret/path');
    };
    const res = await h.call('GET', '/v1/me', { token });
    expect(res.status).toBe(500);
    expect(res.json.error).toBe('server-error');
    expect(res.json.message).toContain(res.headers.get('x-request-id'));
    expect(res.text).not.toMatch(/disk on fire|secret|at .*\.ts/);
    expect(logged.join('\n')).toContain('disk on fire');
  });
});

describe('request log', () => {
  it('logs method, path and status, never a token or an invite code', async () => {
    const logged: string[] = [];
    const h = harness({ log: createLogger('debug', (l) => logged.push(l)) });
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const code = await h.invite(owner, space, 'viewer');
    await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Sam' } });
    await h.call('GET', `/v1/spaces/${space}/pull?token=${owner}`);
    const text = logged.join('\n');
    expect(text).toMatch(/POST \/v1\/invites\/…\/accept 200/);
    expect(text).toMatch(new RegExp(`GET /v1/spaces/${space}/pull 401`));
    expect(text).not.toContain(code);
    expect(text).not.toContain(owner);
  });
});

describe('rate limit', () => {
  it('gives each token its own bucket and answers 429 with Retry-After when it is empty', async () => {
    const h = harness({ rateLimit: { burst: 3, perSecond: 1 } });
    const owner = await h.setUp(); // one unauthenticated call
    const other = await h.join(owner, await h.createSpace(owner), 'viewer'); // owner: 2 calls
    expect((await h.call('GET', '/v1/me', { token: owner })).status).toBe(200);
    const limited = await h.call('GET', '/v1/me', { token: owner });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toBe('rate-limited');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await h.call('GET', '/v1/me', { token: other })).status).toBe(200);
    h.clock.now += 1000;
    expect((await h.call('GET', '/v1/me', { token: owner })).status).toBe(200);
    expect((await h.call('GET', '/v1/me', { token: owner })).status).toBe(429);
  });
});

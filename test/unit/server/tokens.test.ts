import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { openSqliteStore } from '../../../server/store/sqlite';
import { harness, T0 } from './helpers';
import { openStream, pokes, servers } from './streams';

const DAY = 86_400_000;

/** Dana (signed in by setup) owns a space; Sam joined it by invite. One token each. */
async function devices(overrides: Parameters<typeof harness>[0] = {}) {
  const h = harness(overrides);
  const laptop = await h.setUp('Dana');
  const space = await h.createSpace(laptop);
  const sam = await h.join(laptop, space, 'editor', 'Sam');
  const danaId = (await h.store.listUsers()).find((u) => u.name === 'Dana')!.id;
  const samId = (await h.store.listUsers()).find((u) => u.name === 'Sam')!.id;
  const [laptopId] = (await h.store.listTokens(danaId)).map((t) => t.id);
  const [samTokenId] = (await h.store.listTokens(samId)).map((t) => t.id);
  return { h, laptop, space, sam, danaId, laptopId: laptopId!, samTokenId: samTokenId! };
}

describe('one’s own tokens', () => {
  it('lists one’s own tokens in force, marking the current one', async () => {
    const { h, laptop, sam, laptopId, samTokenId } = await devices();
    const res = await h.call('GET', '/v1/tokens', { token: laptop });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      tokens: [
        {
          id: laptopId,
          label: 'setup',
          createdAt: '2026-11-26T14:00:00.000Z',
          lastUsedAt: '2026-11-26T14:00:00.000Z',
          current: true,
        },
      ],
    });
    const other = await h.call('GET', '/v1/tokens', { token: sam });
    expect(other.json.tokens.map((t: { id: string }) => t.id)).toEqual([samTokenId]);
    expect((await h.call('GET', '/v1/tokens')).status).toBe(401);
  });

  it('revokes one of one’s devices; another person’s token is 404', async () => {
    const { h, laptop, sam, danaId, laptopId, samTokenId } = await devices();
    const notMine = await h.call('DELETE', `/v1/tokens/${samTokenId}`, { token: laptop });
    expect([notMine.status, notMine.json.error]).toEqual([404, 'not-found']);
    expect((await h.call('GET', '/v1/me', { token: sam })).status).toBe(200);
    expect((await h.call('DELETE', '/v1/tokens/no-such-token', { token: laptop })).status).toBe(404);

    const samId = (await h.store.listUsers()).find((u) => u.name === 'Sam')!.id;
    await h.store.addToken(samId, 'f'.repeat(64), 'phone', new Date(T0).toISOString());
    const phoneId = (await h.store.listTokens(samId)).find((t) => t.label === 'phone')!.id;
    expect((await h.call('DELETE', `/v1/tokens/${phoneId}`, { token: sam })).status).toBe(204);
    expect((await h.store.listTokens(samId)).find((t) => t.id === phoneId)!.revokedAt).not.toBeNull();
    expect((await h.call('DELETE', `/v1/tokens/${phoneId}`, { token: sam })).status).toBe(404);
    const listed = await h.call('GET', '/v1/tokens', { token: sam });
    expect(listed.json.tokens.map((t: { id: string }) => t.id)).toEqual([samTokenId]);
    expect((await h.call('GET', '/v1/me', { token: laptop })).status).toBe(200);
    expect((await h.store.listTokens(danaId)).find((t) => t.id === laptopId)!.revokedAt).toBeNull();
  });

  it('signs out: DELETE /v1/tokens/current, then 401', async () => {
    const { h, sam } = await devices();
    expect((await h.call('DELETE', '/v1/tokens/current', { token: sam })).status).toBe(204);
    const after = await h.call('GET', '/v1/me', { token: sam });
    expect([after.status, after.json.error]).toEqual([401, 'token-revoked']);
    // When, so the device can say it: "This device was signed out on …".
    expect(after.json).toMatchObject({
      revokedAt: '2026-11-26T14:00:00.000Z',
      message: 'This device was signed out on 2026-11-26 (its token was revoked): sign in again.',
    });
    expect((await h.call('DELETE', '/v1/tokens/current', { token: sam })).status).toBe(401);
  });
});

describe('token expiry', () => {
  it('expires a token unused for 90 days by default: 401 token-expired; each use keeps it alive', async () => {
    const { h, laptop, sam } = await devices();
    h.clock.now = T0 + 89 * DAY;
    expect((await h.call('GET', '/v1/me', { token: laptop })).status).toBe(200);
    h.clock.now = T0 + 90 * DAY + 1;
    const expired = await h.call('GET', '/v1/me', { token: sam });
    expect([expired.status, expired.json.error]).toEqual([401, 'token-expired']);
    expect(expired.json).toMatchObject({ lastUsedAt: '2026-11-26T14:00:00.000Z', idleDays: 90 });
    expect(expired.json.message).toBe('This token expired after 90 days unused (last used 2026-11-26): sign in again.');
    expect((await h.call('GET', '/v1/tokens', { token: laptop })).status).toBe(200);
    h.clock.now = T0 + 178 * DAY;
    expect((await h.call('GET', '/v1/me', { token: laptop })).status).toBe(200);
    // Still expired later, and not listed among Sam's devices.
    expect((await h.call('GET', '/v1/me', { token: sam })).json.error).toBe('token-expired');
  });

  it('follows the configured idle time', async () => {
    const { h, sam } = await devices({ tokenMaxIdleMs: 7 * DAY });
    h.clock.now = T0 + 7 * DAY;
    expect((await h.call('GET', '/v1/me', { token: sam })).status).toBe(200);
    h.clock.now = T0 + 14 * DAY + 1;
    expect((await h.call('GET', '/v1/me', { token: sam })).json.error).toBe('token-expired');
  });

  it('records a token’s use at most once a minute', async () => {
    const { h, laptop, danaId, laptopId } = await devices();
    const lastUsed = async () => (await h.store.listTokens(danaId)).find((t) => t.id === laptopId)!.lastUsedAt;
    h.clock.now = T0 + 59_000;
    await h.call('GET', '/v1/me', { token: laptop });
    expect(await lastUsed()).toBe('2026-11-26T14:00:00.000Z');
    h.clock.now = T0 + 60_000;
    await h.call('GET', '/v1/me', { token: laptop });
    expect(await lastUsed()).toBe('2026-11-26T14:01:00.000Z');
    h.clock.now = T0 + 90_000;
    const listed = await h.call('GET', '/v1/tokens', { token: laptop });
    expect(listed.json.tokens[0].lastUsedAt).toBe('2026-11-26T14:01:00.000Z');
  });
});

describe('event streams of a token that stops', () => {
  servers();

  it('end within a second of a revocation or sign-out, not at the next keep-alive', async () => {
    const { h, laptop, space, sam, samTokenId } = await devices({ keepAliveMs: 60_000 });
    const [owner, revoked] = [await openStream(h, space, laptop), await openStream(h, space, sam)];
    await owner.until((t) => pokes(t).length > 0);
    await revoked.until((t) => pokes(t).length > 0);
    const started = Date.now();
    expect((await h.call('DELETE', `/v1/tokens/${samTokenId}`, { token: sam })).status).toBe(204);
    await revoked.until(() => false, 1000);
    expect(revoked.state.ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(owner.state.ended).toBe(false);

    const signedOut = await openStream(h, space, laptop);
    await signedOut.until((t) => pokes(t).length > 0);
    expect((await h.call('DELETE', '/v1/tokens/current', { token: laptop })).status).toBe(204);
    await signedOut.until(() => false, 1000);
    await owner.until(() => false, 1000);
    expect([signedOut.state.ended, owner.state.ended]).toEqual([true, true]);
    expect(h.pokes.listening).toBe(0);
  });

  it('end within a second when the token reaches its idle limit', async () => {
    const { h, space, sam } = await devices({ keepAliveMs: 60_000 });
    const stream = await openStream(h, space, sam);
    await stream.until((t) => pokes(t).length > 0);
    h.clock.now = T0 + 90 * DAY - 1;
    await stream.until(() => false, 400);
    expect(stream.state.ended).toBe(false);
    h.clock.now = T0 + 90 * DAY + 1;
    await stream.until(() => false, 1000);
    expect(stream.state.ended).toBe(true);
  });

  it('end within a second when the admin command line revokes the token from another process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-tokens-'));
    const file = join(dir, 'docket.sqlite');
    const store = openSqliteStore(file);
    const admin = openSqliteStore(file);
    try {
      const h = harness({ keepAliveMs: 60_000 }, store);
      const owner = await h.setUp('Dana');
      const space = await h.createSpace(owner);
      const stream = await openStream(h, space, owner);
      await stream.until((t) => pokes(t).length > 0);
      const tokenId = (await admin.listTokens((await admin.listUsers())[0]!.id))[0]!.id;
      expect(await runAdmin(admin, ['tokens', 'revoke', tokenId], () => {})).toBe(0);
      await stream.until(() => false, 1000);
      expect(stream.state.ended).toBe(true);
    } finally {
      await admin.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { hashSecret } from '../../../server/auth/secrets';
import { createLogger } from '../../../server/log';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../server/store/sqlite/schema';
import { change, harness, hlc, pushBody, T0 } from './helpers';

const MINUTE = 60_000;

/** Dana (signed in by setup, her laptop) owns a space; Sam joined it by invite. */
async function people(overrides: Parameters<typeof harness>[0] = {}, store?: Parameters<typeof harness>[1]) {
  const h = harness(overrides, store);
  const laptop = await h.setUp('Dana');
  const space = await h.createSpace(laptop);
  const sam = await h.join(laptop, space, 'editor', 'Sam');
  const id = async (name: string) => (await h.store.listUsers()).find((u) => u.name === name)!.id;
  const makeCode = async (token: string, body: unknown = {}) => {
    const res = await h.call('POST', '/v1/tokens/codes', { token, body });
    expect(res.status).toBe(201);
    return res.json as { code: string; expiresAt: string };
  };
  const accept = (code: string, body: unknown = {}, token?: string) =>
    h.call('POST', `/v1/device-codes/${code}/accept`, { body, ...(token ? { token } : {}) });
  return { h, laptop, space, sam, danaId: await id('Dana'), samId: await id('Sam'), makeCode, accept };
}

describe('device sign-in codes', () => {
  it('sign a new device in to the caller’s own account: a new token of theirs, the same spaces', async () => {
    const { h, laptop, space, danaId, makeCode, accept } = await people();
    const made = await makeCode(laptop);
    expect(made.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt).toBe(new Date(T0 + 15 * MINUTE).toISOString());

    h.clock.now += 5 * MINUTE;
    const res = await accept(made.code);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['token', 'tokenId', 'user']);
    expect(res.json.user).toEqual({ id: danaId, name: 'Dana' });
    const phone = res.json.token as string;
    expect(phone).not.toBe(laptop);
    const me = await h.call('GET', '/v1/me', { token: phone });
    expect(me.json.user).toEqual({ id: danaId, name: 'Dana' });
    expect(me.json.spaces.map((s: { id: string }) => s.id)).toEqual([space]);
    const devices = await h.call('GET', '/v1/tokens', { token: phone });
    expect(devices.json.tokens.map((t: { label: string; current: boolean }) => [t.label, t.current])).toEqual([
      ['setup', false],
      ['device-code', true],
    ]);
    expect(devices.json.tokens[1].id).toBe(res.json.tokenId);
  });

  it('are single use: a second try is 410 invite-used and makes no token', async () => {
    const { h, laptop, danaId, makeCode, accept } = await people();
    const { code } = await makeCode(laptop);
    expect((await accept(code)).status).toBe(200);
    const tokens = (await h.store.listTokens(danaId)).length;
    const again = await accept(code);
    expect([again.status, again.json.error]).toEqual([410, 'invite-used']);
    expect(again.json.message).toMatch(/device code has already been used/);
    expect(await h.store.listTokens(danaId)).toHaveLength(tokens);
  });

  it('expire after 15 minutes: 410 invite-expired', async () => {
    const { h, laptop, makeCode, accept } = await people();
    const early = await makeCode(laptop);
    const late = await makeCode(laptop);
    h.clock.now = T0 + 15 * MINUTE - 1;
    expect((await accept(early.code)).status).toBe(200);
    h.clock.now = T0 + 15 * MINUTE;
    const res = await accept(late.code);
    expect([res.status, res.json.error]).toEqual([410, 'invite-expired']);
    expect(res.json.message).toMatch(/device code has expired/);
  });

  it('an unknown code, or what is not a code, is 404 not-found; so is an invite code', async () => {
    const { h, laptop, space, accept } = await people();
    for (const code of ['A'.repeat(43), 'short', await h.invite(laptop, space, 'viewer')]) {
      const res = await accept(code);
      expect([res.status, res.json.error]).toEqual([404, 'not-found']);
    }
  });

  it('a device code is no invite: the invite route does not know it', async () => {
    const { laptop, h, makeCode } = await people();
    const { code } = await makeCode(laptop);
    const res = await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Mallory' } });
    expect([res.status, res.json.error]).toEqual([404, 'not-found']);
  });

  it('are for the caller’s own account only: another user’s code never signs in as someone else', async () => {
    const { h, laptop, sam, samId, danaId, makeCode, accept } = await people();
    // The body names no one: asking for someone else's account is an unknown field.
    const forOther = await h.call('POST', '/v1/tokens/codes', { token: sam, body: { userId: danaId } });
    expect([forOther.status, forOther.json.error]).toEqual([400, 'unknown-field']);

    const samCode = await makeCode(sam);
    // Accepted by someone holding Dana's token: the token is ignored, the code signs in as Sam, its maker.
    const res = await accept(samCode.code, {}, laptop);
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: samId, name: 'Sam' });
    expect((await h.call('GET', '/v1/me', { token: res.json.token })).json.user.id).toBe(samId);
    expect(await h.store.listTokens(danaId)).toHaveLength(1);
    expect(await h.store.listTokens(samId)).toHaveLength(2);
  });

  it('no longer hold once the device that made them is signed out', async () => {
    const { h, laptop, makeCode, accept } = await people();
    const { code } = await makeCode(laptop);
    expect((await h.call('DELETE', '/v1/tokens/current', { token: laptop })).status).toBe(204);
    const res = await accept(code);
    expect([res.status, res.json.error]).toEqual([410, 'invite-expired']);
    expect(res.json.message).toMatch(/has been signed out since/);
  });

  it('need a signed-in device to be made; the new token takes the device’s label, else the code’s', async () => {
    const { h, laptop, danaId, makeCode, accept } = await people();
    expect((await h.call('POST', '/v1/tokens/codes', { body: {} })).status).toBe(401);
    const bad = await h.call('POST', '/v1/tokens/codes', { token: laptop, body: { label: '\u202eevil' } });
    expect([bad.status, bad.json.error]).toEqual([400, 'bad-request']);

    await accept((await makeCode(laptop)).code, { label: 'Work laptop' });
    await accept((await makeCode(laptop, { label: 'Phone' })).code);
    const badAccept = await accept((await makeCode(laptop)).code, { name: 'Dana' });
    expect([badAccept.status, badAccept.json.error]).toEqual([400, 'unknown-field']);
    expect((await h.store.listTokens(danaId)).map((t) => t.label).sort()).toEqual(['Phone', 'Work laptop', 'setup']);
  });

  it('let a signed-out device back in to its account: its replica’s pushes are still its own', async () => {
    const { h, laptop, space, sam, samId, makeCode, accept } = await people();
    const first = await h.push(sam, space, pushBody([change({ hlc: hlc(0, 'sams-browser') })], 1, 'sams-browser'));
    expect(first.status).toBe(200);
    const phone = (await accept((await makeCode(sam)).code)).json.token as string; // Sam's second device
    await h.call('DELETE', '/v1/tokens/current', { token: sam });
    expect((await h.call('GET', '/v1/me', { token: sam })).json.error).toBe('token-revoked');

    // His phone makes a code; his first browser signs in with it and goes on pushing its replica.
    const back = await accept((await makeCode(phone)).code);
    expect(back.json.user.id).toBe(samId);
    const again = await h.push(
      back.json.token,
      space,
      pushBody([change({ field: 'status', value: 'decided', hlc: hlc(1000, 'sams-browser') })], 2, 'sams-browser'),
    );
    expect(again.status).toBe(200);
    // Anyone else pushing Sam's replica is still refused: the replica stays Sam's.
    const notHers = await h.push(
      laptop,
      space,
      pushBody([change({ hlc: hlc(2000, 'sams-browser') })], 9, 'sams-browser'),
    );
    expect([notHers.status, notHers.json.error]).toEqual([403, 'replica-not-yours']);
  });

  it('are rate limited by client address, whatever token is sent along', async () => {
    const { h, laptop, makeCode } = await people({ rateLimit: { burst: 3, perSecond: 1 } });
    h.clock.now += 60_000; // setup and joining spent the address's bucket; it refills
    const { code } = await makeCode(laptop); // counted against Dana's token, not the address
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await h.call('POST', `/v1/device-codes/${'B'.repeat(40)}${i}/accept`, {
        body: {},
        token: `made-up-token-${i}-xxxxxxxxxxxx`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await h.call('POST', `/v1/device-codes/${code}/accept`, { body: {} });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('are never logged: the request log masks the code', async () => {
    const logged: string[] = [];
    const { laptop, makeCode, accept } = await people({ log: createLogger('debug', (l) => logged.push(l)) });
    const { code } = await makeCode(laptop);
    await accept(code);
    const text = logged.join('\n');
    expect(text).toMatch(/POST \/v1\/device-codes\/…\/accept 200/);
    expect(text).not.toContain(code);
  });
});

describe('device codes in the data dir', () => {
  it('are stored hashed: the code itself is nowhere in the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-codes-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const store = openSqliteStore(file);
      const { laptop, makeCode, accept, danaId } = await people({}, store);
      const { code } = await makeCode(laptop);
      const accepted = await accept(code);
      await store.close();
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT * FROM device_codes').all() as Record<string, unknown>[];
      expect(rows).toEqual([
        {
          code_hash: hashSecret(code),
          user_id: danaId,
          label: 'device-code',
          created_by: expect.any(String),
          created_at: new Date(T0).toISOString(),
          expires_at: new Date(T0 + 15 * MINUTE).toISOString(),
          used_at: new Date(T0).toISOString(),
          token_id: accepted.json.tokenId,
        },
      ]);
      const dump = JSON.stringify(db.prepare('SELECT * FROM tokens').all()) + JSON.stringify(rows);
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(accepted.json.token);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('come with an upgrade that keeps users, tokens and members', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migrate-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 5)) old.exec(sql);
      old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (5);');
      const then = '2026-01-01T00:00:00.000Z';
      old.prepare('INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)').run('u1', 'Dana', then);
      old
        .prepare('INSERT INTO tokens (id, user_id, hash, label, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run('t1', 'u1', 'a'.repeat(64), 'laptop', then, then);
      old.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)').run('s1', 'Acme', then);
      old
        .prepare('INSERT INTO members (space_id, user_id, role, added_at) VALUES (?, ?, ?, ?)')
        .run(...['s1', 'u1', 'owner', then]);
      old.close();

      const store = openSqliteStore(file);
      expect((await store.findToken('a'.repeat(64)))!.token).toMatchObject({
        id: 't1',
        label: 'laptop',
        revokedAt: null,
      });
      expect((await store.listMemberships('u1')).map((m) => [m.id, m.role])).toEqual([['s1', 'owner']]);
      expect((await store.counts()).device_codes).toBe(0);
      await store.createDeviceCode('c'.repeat(64), {
        userId: 'u1',
        label: 'device-code',
        createdBy: 't1',
        createdAt: then,
        expiresAt: '2026-01-01T00:15:00.000Z',
      });
      const used = await store.acceptDeviceCode('c'.repeat(64), 'b'.repeat(64), null, '2026-01-01T00:05:00.000Z');
      expect(used).toMatchObject({ ok: true, user: { id: 'u1', name: 'Dana' }, token: { label: 'device-code' } });
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('admin: tokens code <user>', () => {
  it('prints a device code for a user who lost every device; it signs in to their own account once', async () => {
    const { h, samId, accept } = await people();
    const lines: string[] = [];
    expect(await runAdmin(h.store, ['tokens', 'code', 'Sam'], (l) => lines.push(l), new Date(T0))).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toMatch(/^Device sign-in code for Sam \(single use, until 2026-11-26T14:15:00\.000Z\):/);
    const code = /\n {2}([A-Za-z0-9_-]{43})\n/.exec(printed)![1]!;
    const res = await accept(code);
    expect(res.json.user).toEqual({ id: samId, name: 'Sam' });
    expect((await h.store.listTokens(samId)).map((t) => t.label).sort()).toEqual(['admin-code', 'invite']);
    expect((await accept(code)).json.error).toBe('invite-used');

    // By id too; an unknown user, or a name two people share, is refused.
    expect(await runAdmin(h.store, ['tokens', 'code', samId], () => {}, new Date(T0))).toBe(0);
    const said: string[] = [];
    expect(await runAdmin(h.store, ['tokens', 'code', 'Nobody'], (l) => said.push(l))).toBe(1);
    await h.store.createUser('Sam', new Date(T0).toISOString());
    expect(await runAdmin(h.store, ['tokens', 'code', 'Sam'], (l) => said.push(l))).toBe(1);
    expect(said).toEqual(['No user Nobody.', '2 users are named Sam: give the user id instead (see users list).']);
  });
});

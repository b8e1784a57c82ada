import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { hashSecret } from '../../../server/auth/secrets';
import { prepareSetup } from '../../../server/auth/setup';
import { openSqliteStore } from '../../../server/store/sqlite';
import { harness } from './helpers';

describe('first-start setup', () => {
  it('creates the owner, and the setup code gives a token exactly once', async () => {
    const h = harness();
    const code = (await prepareSetup(h.store, new Date()))!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await h.store.listUsers()).toMatchObject([{ serverOwner: true }]);

    const first = await h.call('POST', '/v1/setup', { body: { code, name: 'Dana' } });
    expect(first.status).toBe(201);
    expect(first.json.user.name).toBe('Dana');
    expect(first.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes = 256 bits

    const before = await h.store.counts();
    const again = await h.call('POST', '/v1/setup', { body: { code, name: 'Mallory' } });
    expect(again.status).toBe(401);
    expect(again.json.error).toBe('unauthorized');
    expect(await h.store.counts()).toEqual(before);
    expect(await prepareSetup(h.store, new Date())).toBeNull();

    const me = await h.call('GET', '/v1/me', { token: first.json.token });
    expect(me.json).toEqual({ user: { id: first.json.user.id, name: 'Dana' }, spaces: [], canCreateSpaces: true });
  });

  it('stores only the SHA-256 of a token, never the token itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-auth-'));
    const file = join(dir, 'docket.sqlite');
    const store = openSqliteStore(file);
    try {
      const h = harness({}, store);
      const token = await h.setUp();
      const space = await h.createSpace(token);
      const code = await h.invite(token, space, 'editor');
      const joined = await h.call('POST', `/v1/invites/${code}/accept`, { body: { name: 'Sam' } });
      const secrets = [token, code, joined.json.token as string];

      const db = new Database(file, { readonly: true });
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
      db.close();
      for (const secret of secrets) {
        expect(dump).not.toContain(secret);
        expect(dump).toContain(hashSecret(secret));
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tokens', () => {
  it('asks for a token, refuses an unknown one, and refuses a revoked one at once', async () => {
    const h = harness();
    const token = await h.setUp();
    expect((await h.call('GET', '/v1/me')).json.error).toBe('unauthorized');
    expect((await h.call('GET', '/v1/me', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await h.call('GET', '/v1/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await h.call('GET', '/v1/me', { token })).status).toBe(200);

    const user = (await h.store.listUsers())[0]!;
    const [info] = await h.store.listTokens(user.id);
    const lines: string[] = [];
    expect(await runAdmin(h.store, ['tokens', 'revoke', info!.id], (l) => lines.push(l))).toBe(0);

    const after = await h.call('GET', '/v1/me', { token });
    expect(after.status).toBe(401);
    expect(after.json.error).toBe('token-revoked');
  });
});

describe('admin command line', () => {
  it('adds and lists users, lists and revokes tokens', async () => {
    const h = harness();
    const out: string[] = [];
    const print = (l: string) => out.push(l);
    expect(await runAdmin(h.store, ['users', 'add', 'Sam'], print)).toBe(0);
    const token = /\n {2}(\S+)\n/.exec(out.join('\n'))![1]!;
    expect((await h.call('GET', '/v1/me', { token })).json.user.name).toBe('Sam');

    out.length = 0;
    expect(await runAdmin(h.store, ['users', 'list'], print)).toBe(0);
    expect(out.join('\n')).toContain('Sam');
    out.length = 0;
    expect(await runAdmin(h.store, ['tokens', 'list', 'Sam'], print)).toBe(0);
    const tokenId = out[0]!.split(/\s+/)[0]!;
    expect(await runAdmin(h.store, ['tokens', 'revoke', tokenId], print)).toBe(0);
    expect(await runAdmin(h.store, ['tokens', 'revoke', tokenId], print)).toBe(1);
    expect(await runAdmin(h.store, ['tokens', 'list', 'Nobody'], print)).toBe(1);
    expect(await runAdmin(h.store, ['frobnicate'], print)).toBe(1);
    expect((await h.call('GET', '/v1/me', { token })).json.error).toBe('token-revoked');
  });
});

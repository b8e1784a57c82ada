import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { loadConfig } from '../../../server/config';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS } from '../../../server/store/sqlite/schema';
import { harness } from './helpers';

/** Dana set the server up and owns a space; Sam joined it by invite; Ada was added by an admin. */
async function server(overrides: Parameters<typeof harness>[0] = {}) {
  const h = harness(overrides);
  const dana = await h.setUp('Dana');
  const space = await h.createSpace(dana);
  const sam = await h.join(dana, space, 'editor', 'Sam');
  const out: string[] = [];
  expect(await runAdmin(h.store, ['users', 'add', 'Ada'], (l) => out.push(l))).toBe(0);
  const ada = /\n {2}(\S+)\n/.exec(out.join('\n'))![1]!;
  const admin = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runAdmin(h.store, args, (l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };
  const create = (token: string, name = 'Beta') => h.call('POST', '/v1/spaces', { token, body: { name } });
  const me = async (token: string) => (await h.call('GET', '/v1/me', { token })).json;
  return { h, dana, sam, ada, space, admin, create, me };
}

describe('who may create spaces (--space-creation allowed, the default)', () => {
  it('lets the server owner, and tells the client so in GET /v1/me', async () => {
    const { dana, create, me } = await server();
    expect((await create(dana)).status).toBe(201);
    expect(await me(dana)).toMatchObject({ user: { name: 'Dana' }, canCreateSpaces: true });
  });

  it('refuses anyone else with 403 forbidden saying who may and how an admin allows it; nothing is created', async () => {
    const { h, sam, ada, create, me } = await server();
    const before = await h.store.counts();
    for (const token of [sam, ada]) {
      const res = await create(token);
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('forbidden');
      expect(res.json.message).toMatch(/only the server owner and the people an admin allows may create spaces/);
      expect(res.json.message).toMatch(/users allow/);
      expect(res.json.message).toMatch(/invite/);
      expect((await me(token)).canCreateSpaces).toBe(false);
    }
    expect(res403Name((await create(sam)).json.message)).toBe('Sam');
    expect(await h.store.counts()).toMatchObject({ spaces: before.spaces, members: before.members });
  });

  it('refuses before reading the body: a bad body from someone not allowed is still 403', async () => {
    const { h, sam } = await server();
    const res = await h.call('POST', '/v1/spaces', { token: sam, body: { name: '', owner: 'x' } });
    expect(res.status).toBe(403);
  });

  it('an admin allows a user by name or id, and disallows them again; their spaces stay theirs', async () => {
    const { h, sam, ada, admin, create, me } = await server();
    expect(await admin('users', 'allow', 'Sam')).toEqual({ code: 0, text: 'Sam may create spaces.' });
    const adaId = (await h.store.listUsers()).find((u) => u.name === 'Ada')!.id;
    expect(await admin('users', 'allow', adaId)).toEqual({ code: 0, text: 'Ada may create spaces.' });
    expect((await me(sam)).canCreateSpaces).toBe(true);
    const made = await create(sam, 'Sam’s client');
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: 'Sam’s client', role: 'owner' });
    expect((await create(ada)).status).toBe(201);

    expect(await admin('users', 'disallow', 'Sam')).toEqual({ code: 0, text: 'Sam may no longer create spaces.' });
    expect((await me(sam)).canCreateSpaces).toBe(false);
    expect((await create(sam)).status).toBe(403);
    const spaces = (await me(sam)).spaces.map((s: { name: string; role: string }) => [s.name, s.role]);
    expect(spaces).toContainEqual(['Sam’s client', 'owner']);
    expect((await h.call('GET', `/v1/spaces/${made.json.id}`, { token: sam })).status).toBe(200);
  });

  it('users list marks the server owner and the users allowed to create spaces', async () => {
    const { admin } = await server();
    await admin('users', 'allow', 'Ada');
    const lines = (await admin('users', 'list')).text.split('\n');
    expect(lines.find((l) => l.includes('Dana'))).toMatch(/\(server owner\)/);
    expect(lines.find((l) => l.includes('Ada'))).toMatch(/\(may create spaces\)/);
    expect(lines.find((l) => l.includes('Sam'))).not.toMatch(/\(/);
  });

  it('refuses to disallow the server owner and names an unknown user', async () => {
    const { admin, dana, create } = await server();
    expect(await admin('users', 'disallow', 'Dana')).toEqual({
      code: 1,
      text: 'Dana is the server owner, who may always create spaces.',
    });
    expect((await create(dana)).status).toBe(201);
    expect(await admin('users', 'allow', 'Nobody')).toEqual({ code: 1, text: 'No user Nobody.' });
    expect((await admin('users', 'allow')).code).toBe(1);
  });
});

describe('--space-creation anyone', () => {
  it('lets every signed-in user create spaces, and GET /v1/me says so', async () => {
    const { sam, ada, create, me } = await server({ spaceCreation: 'anyone' });
    for (const token of [sam, ada]) {
      expect((await me(token)).canCreateSpaces).toBe(true);
      expect((await create(token)).status).toBe(201);
    }
  });

  it('is read from the flag or DOCKET_SPACE_CREATION, and anything else names the setting', () => {
    expect(loadConfig([], {}).spaceCreation).toBe('allowed');
    expect(loadConfig([], { DOCKET_SPACE_CREATION: 'anyone' }).spaceCreation).toBe('anyone');
    expect(loadConfig(['--space-creation', 'allowed'], { DOCKET_SPACE_CREATION: 'anyone' }).spaceCreation).toBe(
      'allowed',
    );
    expect(() => loadConfig(['--space-creation', 'everyone'], {})).toThrow(
      /--space-creation \(DOCKET_SPACE_CREATION\)/,
    );
  });
});

describe('upgrading a data dir to the space-creation setting', () => {
  it('keeps users and their spaces; only the server owner may create spaces until an admin allows others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migrate-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql);
      old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (3);');
      const then = '2025-01-01T00:00:00.000Z';
      old
        .prepare('INSERT INTO users (id, name, created_at, server_owner) VALUES (?, ?, ?, ?)')
        .run('u1', 'Dana', then, 1);
      old
        .prepare('INSERT INTO users (id, name, created_at, server_owner) VALUES (?, ?, ?, ?)')
        .run('u2', 'Sam', then, 0);
      old.prepare('INSERT INTO spaces VALUES (?, ?, ?)').run('s1', 'Acme', then);
      old
        .prepare('INSERT INTO members (space_id, user_id, role, added_at) VALUES (?, ?, ?, ?)')
        .run('s1', 'u2', 'owner', then);
      old.close();

      const store = openSqliteStore(file);
      expect(await store.listUsers()).toEqual([
        { id: 'u1', name: 'Dana', createdAt: then, serverOwner: true, mayCreateSpaces: false },
        { id: 'u2', name: 'Sam', createdAt: then, serverOwner: false, mayCreateSpaces: false },
      ]);
      expect(await store.listMemberships('u2')).toEqual([{ id: 's1', name: 'Acme', createdAt: then, role: 'owner' }]);
      expect(await store.allowSpaceCreation('u2', true)).toBe(true);
      expect(await store.allowSpaceCreation('nobody', true)).toBe(false);
      expect((await store.getUser('u2'))?.mayCreateSpaces).toBe(true);
      await store.close();
      // Reopening runs no migration again and keeps the flag.
      const again = openSqliteStore(file);
      expect((await again.getUser('u2'))?.mayCreateSpaces).toBe(true);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The name quoted in a refusal (the message tells the admin whom to allow). */
function res403Name(message: string): string | undefined {
  return /users allow "([^"]+)"/.exec(message)?.[1];
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS } from '../../../server/store/sqlite/schema';

describe('upgrading a data dir to token expiry and the membership trail', () => {
  it('keeps users, tokens and members; existing tokens count as used at the upgrade, so no one is signed out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migrate-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const old = new Database(file);
      old.exec(MIGRATIONS[0]!);
      old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);');
      const then = '2025-01-01T00:00:00.000Z';
      old.prepare('INSERT INTO users VALUES (?, ?, ?, 0)').run('u1', 'Dana', then);
      old
        .prepare('INSERT INTO tokens (id, user_id, hash, label, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(...['t1', 'u1', 'a'.repeat(64), 'laptop', then]);
      old.prepare('INSERT INTO spaces VALUES (?, ?, ?)').run('s1', 'Acme', then);
      old.prepare('INSERT INTO members VALUES (?, ?, ?, ?)').run('s1', 'u1', 'owner', then);
      old.close();

      const before = Date.now();
      const store = openSqliteStore(file);
      const found = (await store.findToken('a'.repeat(64)))!;
      expect(found.token).toMatchObject({ id: 't1', label: 'laptop', createdAt: then, revokedAt: null });
      expect(Date.parse(found.token.lastUsedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await store.listMembers('s1')).toEqual([
        { id: 'u1', name: 'Dana', role: 'owner', joinedAt: then, lastSeenAt: null },
      ]);
      expect(await store.membershipEvents('s1')).toEqual([]);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

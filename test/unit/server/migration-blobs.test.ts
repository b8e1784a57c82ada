import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../server/store/sqlite/schema';

describe('upgrading a data dir to attachments (schema 7)', () => {
  it('adds the blobs table and keeps everything else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migrate-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 6)) old.exec(sql);
      old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (6);');
      const then = '2025-01-01T00:00:00.000Z';
      old.prepare('INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)').run('u1', 'Dana', then);
      old.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)').run('s1', 'Acme', then);
      old
        .prepare('INSERT INTO members (space_id, user_id, role, added_at) VALUES (?, ?, ?, ?)')
        .run('s1', 'u1', 'owner', then);
      old.close();

      const store = openSqliteStore(file);
      expect((await store.membership('s1', 'u1'))?.role).toBe('owner');
      const bytes = new Uint8Array([1, 2, 3]);
      const sha256 = '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81';
      expect(await store.putBlob('s1', { sha256, type: 'image/png', bytes }, 'u1', then, 0)).toMatchObject({
        ok: true,
      });
      expect(await store.blobUsage('s1')).toEqual({ blobs: 1, bytes: 3 });
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

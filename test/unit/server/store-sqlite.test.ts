import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { SCHEMA_VERSION } from '../../../server/store/sqlite/schema';
import { describeStoreContract } from './store-contract';

describeStoreContract('SQLite in memory', () => ({ store: openSqliteStore(':memory:') }));

describeStoreContract(
  'SQLite file',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-store-'));
    const file = join(dir, 'data', 'docket.sqlite');
    return {
      store: openSqliteStore(file),
      reopen: () => openSqliteStore(file),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { durable: true },
);

describe('SQLite store files', () => {
  it('uses WAL, records the schema version, and refuses a newer schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-store-'));
    const file = join(dir, 'docket.sqlite');
    try {
      await openSqliteStore(file).close();
      const db = new Database(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
      db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
      db.close();
      expect(() => openSqliteStore(file)).toThrow(/newer Docket server/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

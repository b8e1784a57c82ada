import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres/store';
import { openSqliteStore } from '../../server/store/sqlite';
import type { SyncStore } from '../../server/store/types';
import { type RunningPostgres, startPostgres } from './postgres';

/** Where a test's server keeps its data: `open()` opens a store on it, again after a close (a restart). */
export type StoreSource = { kind: SyncStore['kind']; open: () => Promise<SyncStore>; drop: () => Promise<void> };

/** An SQLite store in memory (gone on close) or in a file that outlives a close. */
export function sqliteSource(file = ':memory:'): StoreSource {
  return {
    kind: 'sqlite',
    open: () => Promise.resolve(openSqliteStore(file)),
    drop: () => Promise.resolve(),
  };
}

/**
 * Both stores for one describe block: call inside `describe.each(STORES)` with its kind. For PostgreSQL it starts
 * a real cluster for the block (test/support/postgres.ts) and gives each `fresh()` its own new database, so the
 * end-to-end tests run unchanged against either store.
 */
export const STORES = ['sqlite', 'postgres'] as const;
export function storesFor(kind: SyncStore['kind']): { fresh: () => Promise<StoreSource> } {
  let pg: RunningPostgres | undefined;
  let admin: postgres.Sql | undefined;
  let databases = 0;
  const dirs: string[] = [];
  const pools: SyncStore[] = []; // closed at the end whether or not the test closed them (ending twice is harmless)
  if (kind === 'postgres') {
    beforeAll(async () => {
      pg = await startPostgres();
      admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    }, 60_000);
  }
  afterAll(async () => {
    await Promise.all(pools.map((s) => s.close()));
    await admin?.end();
    pg?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    fresh: async () => {
      if (kind === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'docket-store-'));
        dirs.push(dir);
        return sqliteSource(join(dir, 'docket.sqlite'));
      }
      if (!pg || !admin) throw new Error('PostgreSQL did not start (see beforeAll)');
      const name = `e2e_${++databases}`;
      await admin`CREATE DATABASE ${admin(name)}`;
      const url = pg.url.replace(/\/docket$/, `/${name}`);
      return {
        kind,
        open: async () => {
          const store = await openPostgresStore(url, { max: 4 });
          pools.push(store);
          return store;
        },
        drop: async () => {
          await admin!`DROP DATABASE IF EXISTS ${admin!(name)} WITH (FORCE)`;
        },
      };
    },
  };
}

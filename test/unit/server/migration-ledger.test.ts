import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite';
import { MIGRATIONS } from '../../../server/store/sqlite/schema';
import { applyBatch } from '../../../server/sync/apply-batch';
import { toHex } from '../../../shared/ledger/bytes';
import { leafHashOfChange } from '../../../shared/ledger/log-leaf';
import { MerkleFrontier, treeRoot } from '../../../shared/ledger/merkle';

describe('upgrading a data dir to the verifiable log (schema 8)', () => {
  it("hashes each space's existing log into its leaves and frontier, as pushes since would have", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migrate-'));
    const file = join(dir, 'docket.sqlite');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 7)) old.exec(sql);
      old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (7);');
      const then = '2025-01-01T00:00:00.000Z';
      old.prepare('INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)').run('u1', 'Dana', then);
      const insert = old.prepare(
        `INSERT INTO changes (space_id, seq, tbl, record_id, field, value, hlc, base, replica_id, batch_seq, author_id,
                              author_name, received_at) VALUES (?, ?, 'items', ?, 'title', ?, ?, ?, 'r1', 1, 'u1', 'Dana', ?)`,
      );
      const values = ['"Café ✓"', '{"b":[1,{"a":"é"}],"a":null}', 'null', '0.30000000000000004', '"x"'];
      const sizes = { s1: 5_003, s2: 3, s3: 0 }; // s1 past one backfill page (5,000)
      old.transaction(() => {
        for (const [space, size] of Object.entries(sizes)) {
          old.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)').run(space, space, then);
          for (let seq = 1; seq <= size; seq++) {
            const hlc = `${1_790_000_000_000 + seq}:0000:r1`;
            const base = seq % 2 ? null : `${1_790_000_000_000 + seq - 1}:0000:r1`;
            insert.run(space, seq, `i${seq % 9}`, values[seq % 5], hlc, base, then);
          }
        }
      })();
      old.close();

      const store = openSqliteStore(file);
      for (const [space, size] of Object.entries(sizes)) {
        const leaves = (await store.readLog(space, 0, 20_000)).map(leafHashOfChange);
        expect(leaves).toHaveLength(size);
        expect((await store.readLeafHashes(space, 0, size)).map(toHex)).toEqual(leaves.map(toHex));
        const head = await store.ledgerHead(space);
        expect(head.frontier.size).toBe(size);
        expect(toHex(new MerkleFrontier(head.frontier).root())).toBe(toHex(treeRoot(leaves)));
        const blocks = Math.floor(size / 256);
        expect((await store.readBlockRoots(space, 0, blocks)).map(toHex)).toEqual(
          Array.from({ length: blocks }, (_, b) => toHex(treeRoot(leaves.slice(b * 256, (b + 1) * 256)))),
        );
      }
      // The next push goes on from the hashed log.
      const author = { id: 'u1', name: 'Dana' };
      const change = {
        table: 'items' as const,
        id: 'i9',
        field: 'title',
        value: 'new',
        hlc: '1790000100000:0000:r1',
        base: null,
      };
      await applyBatch(store, { spaceId: 's2', replicaId: 'r1', seq: 2, author, changes: [change], receivedAt: then });
      const leaves = (await store.readLog('s2', 0, 10)).map(leafHashOfChange);
      expect(toHex(new MerkleFrontier((await store.ledgerHead('s2')).frontier).root())).toBe(toHex(treeRoot(leaves)));
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

/**
 * The push baseline: the same change rows written with bare better-sqlite3, in one transaction with one prepared
 * insert, into the server's own schema and pragmas (WAL, synchronous = FULL), on a file — no HTTP, no checks, no
 * merge into records, no acks.
 */
import Database from 'better-sqlite3';
import { configure, migrate } from '../../../server/store/sqlite/schema';
import type { Change } from '../../../shared/sync/protocol';

export function bareChangeLog(file: string) {
  const db = new Database(file);
  configure(db);
  migrate(db);
  db.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)').run(
    'space',
    'Bench',
    new Date().toISOString(),
  );
  const insert = db.prepare(
    `INSERT INTO changes (space_id, seq, tbl, record_id, field, value, hlc, base, replica_id, batch_seq, author_id, author_name, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = 0;
  let batch = 0;
  const write = db.transaction((changes: Change[], receivedAt: string) => {
    batch += 1;
    for (const c of changes) {
      insert.run(
        ...['space', ++seq, c.table, c.id, c.field, JSON.stringify(c.value ?? null), c.hlc, c.base],
        ...['bench-bare', batch, 'user', 'Bob Tremblay', receivedAt],
      );
    }
  });
  return {
    write: (changes: Change[]) => write(changes, new Date().toISOString()),
    close: () => db.close(),
  };
}

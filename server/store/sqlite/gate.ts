import type Database from 'better-sqlite3';
import { runNow, type Runner } from './promised';

/**
 * The one SQLite connection, shared by async callers, with transactions that span `await`s.
 *
 * `SyncStore.transaction` takes an async callback (a PostgreSQL store needs one), but better-sqlite3's own
 * `db.transaction()` must finish synchronously. So a transaction here is BEGIN IMMEDIATE … COMMIT (ROLLBACK on a
 * throw) issued by hand around the callback, and it holds the connection alone until it ends: every other call
 * meanwhile — another push, a pull, a token's touch from another request — waits its turn in a queue instead of
 * running inside it, where it could read rows a refused batch then rolls back, or slip its own write into the
 * batch's transaction. The callback awaits only its transaction's primitives, which run at once and return settled
 * promises, so it holds the connection about as long as a synchronous transaction would, and the queue is empty
 * again when it ends. With no transaction open, a call runs at once, as before. IMMEDIATE takes the write lock
 * up front: another process (the admin command line) is waited for by busy_timeout when the transaction starts,
 * never half way.
 */
export class Gate {
  /** Calls queued behind an open transaction (the transaction itself counted); 0: the connection is free. */
  private queued = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database.Database) {}

  /** A call outside any transaction: at once when the connection is free, else after what is queued. */
  readonly run: Runner = (op) => (this.queued === 0 ? runNow(op) : this.enqueue(async () => op()));

  /** `work` as one transaction, alone on the connection; `work` must not call `run` (it would wait for itself). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const result = this.tail.then(op);
    this.tail = result.then(
      () => void (this.queued -= 1),
      () => void (this.queued -= 1),
    );
    return result;
  }
}

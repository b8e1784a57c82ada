import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { batchPart } from './sqlite/batch';
import { blobsPart } from './sqlite/blobs';
import { Gate } from './sqlite/gate';
import { ledgerPart } from './sqlite/ledger';
import { membersPart } from './sqlite/members';
import { peoplePart } from './sqlite/people';
import { promised, runNow, type Synchronous } from './sqlite/promised';
import { configure, migrate } from './sqlite/schema';
import { spacesPart } from './sqlite/spaces';
import { syncPart } from './sqlite/sync';
import { transferPart } from './sqlite/transfer';
import type { SyncTx } from './tx';
import type { SyncStore } from './types';

export const DEFAULT_DB_FILE = 'docket.sqlite';

const COUNTED = [
  'users',
  'tokens',
  'spaces',
  'members',
  'invites',
  'changes',
  'records',
  'acks',
  'conflicts',
  'replicas',
  'device_codes',
  'blobs',
  'checkpoints',
  'cosignatures',
] as const;

/**
 * Opens (creating and migrating as needed) the embedded SQLite store at `file`, or an in-memory one for ':memory:'.
 * better-sqlite3 is synchronous, so within this process every transaction runs alone (./sqlite/gate.ts: a push's
 * transaction spans awaits, and holds the connection alone meanwhile); WAL and busy_timeout cover a second process
 * such as the admin CLI. The parts (./sqlite/*.ts) are written synchronously; each call comes back as a settled
 * promise (./sqlite/promised.ts).
 */
export function openSqliteStore(file: string): SyncStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const counts = COUNTED.map(
    (table) => [table, db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)] as const,
  );
  const people = peoplePart(db);
  // Access changes made here bump `local`; another process's writes (the admin command line) move data_version.
  let local = 0;
  const changed = () => void (local += 1);
  const batch = batchPart(db);
  const gate = new Gate(db);
  const parts: Synchronous<Omit<SyncStore, 'kind' | 'transaction' | 'close'>> = {
    ...people,
    revokeToken: (tokenId, now) => {
      const done = people.revokeToken(tokenId, now);
      if (done) changed();
      return done;
    },
    authMark: () => `${db.pragma('data_version', { simple: true }) as number}:${local}`,
    ...spacesPart(db, people),
    ...membersPart(db, changed),
    ...syncPart(db),
    ...transferPart(db, changed),
    ...blobsPart(db),
    ...ledgerPart(db),
    lastAck: batch.lastAck,
    spaceUsage: batch.usage,
    counts: () => Object.fromEntries(counts.map(([table, stmt]) => [table, stmt.get()!.n])),
  };
  return {
    ...promised<Omit<SyncStore, 'kind' | 'transaction' | 'close'>>(parts, gate.run),
    kind: 'sqlite',
    transaction: (work) => {
      // The primitives run at once, inside this transaction; once it has ended they refuse.
      let open = true;
      const tx = promised<SyncTx>(batch, (op) => (open ? runNow(op) : Promise.reject(new Error('transaction ended'))));
      return gate.transaction(async () => {
        try {
          return await work(tx);
        } finally {
          open = false;
        }
      });
    },
    close: () => gate.run(() => void (db.open && db.close())),
  };
}

// Runs inside the bench page of the benchmark build; the driver calls it through page.evaluate.
import { DocketDB, openDb } from '../../extension/store/db';
import { updateItem } from '../../extension/store/items';
import { actorNow } from '../../extension/store/me';
import { getConnection, saveConnection } from '../../extension/sync/connection-store';
import { SNAPSHOT_PAGE } from '../../extension/sync/pull';
import { syncAll } from '../../extension/sync/run';
import { httpTransport } from '../../extension/sync/transport';
import type { Role } from '../../shared/sync/protocol';

/** Answers the driver's "is the page wired" check. */
export function ready(): string {
  return 'sync';
}

export interface Account {
  serverUrl: string;
  token: string;
  space: string;
  role: Role;
}

/** Signs this replica in with a token the driver got from the server: the connection sign-in would have saved. */
async function signIn(db: DocketDB, account: Account): Promise<void> {
  const res = await fetch(`${account.serverUrl}/v1/me`, { headers: { authorization: `Bearer ${account.token}` } });
  if (!res.ok) throw new Error(`/v1/me: HTTP ${res.status}`);
  const { user } = (await res.json()) as { user: { id: string; name: string } };
  await saveConnection(db, {
    serverUrl: account.serverUrl,
    token: account.token,
    user,
    spaces: [{ id: account.space, name: 'Bench space', role: account.role, clientId: null }],
  });
}

/**
 * An initial sync into an empty replica: a database of its own (named per run, so the background, which syncs
 * the profile's `docket` database, never joins in), signed in, then one product sync round timed until it has
 * committed. Throws unless every item arrived. The database is deleted afterwards.
 */
export async function initialSync(account: Account, dbName: string, items: number): Promise<number> {
  const db = new DocketDB(dbName);
  try {
    await signIn(db, account);
    const start = performance.now();
    const status = await syncAll(db);
    const ms = performance.now() - start;
    if (status.state !== 'synced') throw new Error(`sync ended ${status.state}: ${status.message}`);
    const count = await db.items.count();
    if (count !== items) throw new Error(`initial sync brought ${count} items, not ${items}`);
    return ms;
  } finally {
    db.close();
    await DocketDB.delete(dbName);
  }
}

/** Baseline: the same snapshot pages and catch-up pull fetched and validated by the product transport, stored nowhere. */
export async function downloadOnly(account: Account, records: number): Promise<number> {
  const transport = httpTransport(account.serverUrl, account.token);
  const start = performance.now();
  let seen = 0;
  let page: string | null = null;
  let cursor: string | null = null;
  do {
    const snap = await transport.snapshot(account.space, page, SNAPSHOT_PAGE);
    seen += snap.records.length;
    cursor ??= snap.cursor;
    page = snap.next;
  } while (page);
  await transport.pull(account.space, cursor, 500);
  const ms = performance.now() - start;
  if (seen !== records) throw new Error(`the snapshot held ${seen} records, not ${records}`);
  return ms;
}

/** Signs the profile's own replica (the one the background and the log page use) in and runs a first sync. */
export async function joinSpace(account: Account): Promise<{ clientId: string | null; items: number }> {
  const db = openDb();
  await signIn(db, account);
  const status = await syncAll(db);
  if (status.state !== 'synced') throw new Error(`sync ended ${status.state}: ${status.message}`);
  const clientId = (await getConnection(db))?.spaces[0]?.clientId ?? null;
  return { clientId, items: await db.items.count() };
}

/** Edits an item's title the way the item panel does; returns when it started (wall clock, shared by profiles). */
export async function editTitle(itemId: string, title: string): Promise<number> {
  const db = openDb();
  const at = Date.now();
  await updateItem(db, await actorNow(db), itemId, { title });
  return at;
}

/** What is waiting to be pushed from this profile. */
export function pending(): Promise<number> {
  return openDb().outbox.count();
}

import type { DocketDB } from '../store/db';
import { type Connection, getConnection } from './connection-store';
import { getStatus } from './status';

/**
 * The local clients whose changes go to the server: shared, in a space where this user may write. Every local
 * write lands in the outbox, so a client kept on this browser (or one a viewer edits) has entries that will never
 * be sent: counting them said "12 pending" for ever. Nor are a space's that this account lost access to (removed,
 * left): they stay in the outbox, never sent.
 */
export function sentClients(connection: Connection | null): string[] {
  return (connection?.spaces ?? []).flatMap((s) => (s.clientId && s.role !== 'viewer' && !s.ended ? [s.clientId] : []));
}

/** Changes waiting to go to the server, and only those. */
export async function countPending(db: DocketDB, connection: Connection | null): Promise<number> {
  const clients = sentClients(connection);
  return clients.length ? db.outbox.where('clientId').anyOf(clients).count() : 0;
}

/** What the badge shows, read in one go (a live query re-runs it when any of it changes). */
export async function readSync(db: DocketDB) {
  const connection = await getConnection(db);
  return { connection, status: await getStatus(db), pending: await countPending(db, connection) };
}

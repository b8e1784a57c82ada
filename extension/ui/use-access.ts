import type { DocketDB } from '../store/db';
import { type Access, accessOf } from '../sync/access';
import { type Connection, getConnection } from '../sync/connection-store';
import { useLive } from './use-live';

/** The stored sync connection, kept live; undefined until read, null when this browser is not connected. */
export function useConnection(db: DocketDB): Connection | null | undefined {
  return useLive(() => getConnection(db), [db]);
}

/**
 * What this account may do with a client's log, kept live (an owner changing the role, or access lost, shows at
 * once); undefined until the stored connection is read, so a view can wait rather than draw an edit control it
 * would have to take back.
 */
export function useAccess(db: DocketDB, clientId: string | null | undefined): Access | undefined {
  const connection = useConnection(db);
  if (connection === undefined) return undefined;
  return clientId ? accessOf(connection, clientId) : 'local';
}

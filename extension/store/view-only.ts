import { accessOf, isViewOnly, viewOnlyMessage } from '../sync/access';
import { getConnection } from '../sync/connection-store';
import type { DocketDB } from './db';
import { StoreError } from './errors';

/**
 * Refuses a local write to a client whose log this account may only view (a viewer of its space, or a space it lost
 * access to): the last line of defence behind the read-only workspace. Inside the write's transaction (which holds
 * the settings and clients tables, see `DocketDB.write`), so the refusal aborts all of it: nothing written, nothing
 * queued. Remote applies do not come this way.
 */
export async function refuseIfViewOnly(db: DocketDB, clientId: string): Promise<void> {
  if (!isViewOnly(accessOf(await getConnection(db), clientId))) return;
  const name = (await db.clients.get(clientId))?.name ?? 'this client';
  throw new StoreError('view-only', viewOnlyMessage(name));
}

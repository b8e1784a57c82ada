import type { Role } from '../../shared/sync/protocol';
import type { DocketDB } from '../../extension/store/db';
import { type SpaceEnded, saveConnection } from '../../extension/sync/connection-store';

/** Stores a connection in which `clientId`'s log is held in a space with this role (and, if given, lost access). */
export async function holdAs(db: DocketDB, clientId: string, role: Role, ended?: SpaceEnded['reason']): Promise<void> {
  await saveConnection(db, {
    serverUrl: 'http://docket.test',
    token: 'token',
    user: { id: 'u-coordinator', name: 'Coordinator' },
    spaces: [
      {
        id: `space-${clientId}`,
        name: 'Shared log',
        role,
        clientId,
        ...(ended ? { ended: { reason: ended, by: 'Dana Owner', at: '2026-11-26T15:00:00.000Z' } } : {}),
      },
    ],
  });
}

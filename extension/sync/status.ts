import type { DocketDB } from '../store/db';

/** The last sync's outcome, as the popup and the log page show it. Light: the popup imports it. */
export type SyncState = 'not-connected' | 'synced' | 'pending' | 'offline' | 'sign-in-needed' | 'error';
export interface SyncStatus {
  state: SyncState;
  /** When the last round ended, well or not. */
  at: string;
  /** Changes still to send (of shared clients only) when it ended. */
  pending: number;
  message: string;
  failures: number;
  /** When a round last reached the server and finished; kept through failures (absent in statuses saved before it). */
  lastSyncedAt?: string | null;
}

export const STATUS_KEY = 'sync.status';

export async function getStatus(db: DocketDB): Promise<SyncStatus | null> {
  return ((await db.settings.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? null;
}

/** The last good round's time, from a status saved before `lastSyncedAt` existed too. */
export function lastSynced(status: SyncStatus | null): string | null {
  if (!status) return null;
  if (status.lastSyncedAt !== undefined) return status.lastSyncedAt;
  return status.state === 'synced' || status.state === 'pending' ? status.at : null;
}

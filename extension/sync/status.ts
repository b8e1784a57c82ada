import type { DocketDB } from '../store/db';

/** The last sync's outcome, as the popup and the log page show it. Light: the popup imports it. */
export type SyncState = 'not-connected' | 'synced' | 'pending' | 'offline' | 'sign-in-needed' | 'error';
export interface SyncStatus {
  state: SyncState;
  at: string;
  pending: number;
  message: string;
  failures: number;
}

export const STATUS_KEY = 'sync.status';

export async function getStatus(db: DocketDB): Promise<SyncStatus | null> {
  return ((await db.settings.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? null;
}

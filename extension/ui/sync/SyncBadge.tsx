import type { DocketDB } from '../../store/db';
import { describeSync } from './badge-text';
import { useOnline, useSyncStatus } from './use-sync';

/**
 * "Synced · 16:42", "Syncing…", "3 pending" behind "Offline" or "Server unreachable", "Sign-in needed": always
 * visible, in the popup and the log, with the full last-synced time and the reason in its tooltip.
 */
export function SyncBadge({ db }: { db: DocketDB }) {
  const live = useSyncStatus(db);
  const online = useOnline();
  if (!live) return null;
  const { text, tone, title } = describeSync(live, { now: new Date(), online });
  return (
    <span class={`sync-badge ${tone}`} data-testid="sync-status" title={title}>
      {text}
    </span>
  );
}

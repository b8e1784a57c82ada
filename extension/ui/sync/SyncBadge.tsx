import type { DocketDB } from '../../store/db';
import { useSyncStatus } from './use-sync';

/** "Synced", "3 pending", "Offline", "Sign-in needed": always visible, in the popup and the log. */
export function SyncBadge({ db }: { db: DocketDB }) {
  const live = useSyncStatus(db);
  if (!live) return null;
  const { connection, status, pending } = live;
  let text = 'Not shared';
  let tone = 'muted';
  if (connection) {
    if (status?.state === 'offline') [text, tone] = [`Offline${pending ? `, ${pending} pending` : ''}`, 'warn'];
    else if (status?.state === 'sign-in-needed') [text, tone] = ['Sign-in needed', 'bad'];
    else if (status?.state === 'error') [text, tone] = ['Sync error', 'bad'];
    else if (pending) [text, tone] = [`${pending} pending`, 'warn'];
    else [text, tone] = ['Synced', 'ok'];
  }
  return (
    <span
      class={`sync-badge ${tone}`}
      data-testid="sync-status"
      title={status?.message || (status ? `Last sync ${new Date(status.at).toLocaleString()}` : '')}
    >
      {text}
    </span>
  );
}

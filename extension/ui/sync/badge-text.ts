import type { Connection } from '../../sync/connection-store';
import { lastSynced, type SyncStatus } from '../../sync/status';

export interface LiveSync {
  connection: Connection | null;
  status: SyncStatus | null;
  /** Changes that will be sent: shared clients' only. */
  pending: number;
}

export interface Badge {
  text: string;
  tone: 'muted' | 'ok' | 'warn' | 'bad';
  title: string;
}

export interface BadgeContext {
  now: Date;
  /** navigator.onLine: false means this computer has no network, true only that it might. */
  online: boolean;
  /** Tests pin it; the user's own zone otherwise. */
  timeZone?: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function format(at: Date, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { ...options, hour12: false, timeZone }).format(at);
}

/** "16:42" today, "3 Dec, 16:42" another day: short enough for the popup's header. */
function shortTime(at: Date, { now, timeZone }: BadgeContext): string {
  const day = (d: Date) => format(d, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = format(at, timeZone, { hour: '2-digit', minute: '2-digit' });
  return day(at) === day(now) ? time : `${format(at, timeZone, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** "Last synced Fri 4 Dec 2026, 16:42:05." for the tooltip, or that it never did. */
function lastSyncedLine(at: string | null, context: BadgeContext): string {
  if (!at) return 'Not synced yet.';
  const full = format(new Date(at), context.timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return `Last synced ${full}.`;
}

/**
 * What the sync badge says, from the connection, the last round's outcome and what will be sent. "N pending" is
 * kept for changes held back by a failure; changes about to go in the next round (a fresh edit, a client just
 * shared) say "Syncing…", which is what the user sees happen.
 */
export function describeSync({ connection, status, pending }: LiveSync, context: BadgeContext): Badge {
  if (!connection)
    return {
      text: 'Not shared',
      tone: 'muted',
      title: 'Not connected to a sync server: this log stays on this browser.',
    };
  const last = lastSynced(status);
  const lastLine = lastSyncedLine(last, context);
  const held = pending ? ` · ${pending} pending` : '';
  const heldLine = pending ? ` ${plural(pending, 'change')} will be sent when the server answers.` : '';
  if (!context.online)
    return { text: `Offline${held}`, tone: 'warn', title: `This computer is offline.${heldLine} ${lastLine}` };
  switch (status?.state) {
    case 'offline':
      return { text: `Server unreachable${held}`, tone: 'warn', title: `${status.message}${heldLine} ${lastLine}` };
    case 'sign-in-needed':
      return { text: 'Sign-in needed', tone: 'bad', title: `${status.message} ${lastLine}` };
    case 'error':
      return { text: `Sync error${held}`, tone: 'bad', title: `${status.message}${heldLine} ${lastLine}` };
    case 'synced':
    case 'pending':
      if (!pending && last) {
        const nothingShared = connection.spaces.length ? '' : ' No client is shared yet: share one from its settings.';
        return {
          text: `Synced · ${shortTime(new Date(last), context)}`,
          tone: 'ok',
          title: `${lastLine}${nothingShared}`,
        };
      }
  }
  // Connected, and the first round has not finished, or new changes wait for the round a change starts at once.
  const sending = pending ? `Sending ${plural(pending, 'change')}. ` : '';
  return { text: 'Syncing…', tone: 'muted', title: `${sending}${lastLine}` };
}

import { useEffect, useState } from 'preact/hooks';
import type { DocketDB } from '../../store/db';
import { readSync } from '../../sync/pending';
import { useLive } from '../use-live';
import { listenForPokes } from './event-stream';
import { nudgeSync } from './nudge';

/** Sync status as shown to the user, kept live: connection, last outcome, what waits to be sent. */
export function useSyncStatus(db: DocketDB) {
  return useLive(() => readSync(db), []);
}

/** Whether the browser says it has a network: "Offline" is shown the moment it says no, without a round. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * While a Docket page is open: new local changes nudge the background to sync, the server's events stream pokes
 * it when a teammate pushed, a stream that drops or comes back starts a round at once (so the badge says the server
 * is unreachable, or synced again, within seconds), and coming back online retries at once.
 */
export function useSyncTriggers(db: DocketDB): void {
  const live = useSyncStatus(db);
  const pending = live?.pending ?? 0;
  useEffect(() => {
    if (pending > 0) nudgeSync();
  }, [pending]);
  const connection = live?.connection;
  // A space this account lost access to is not listened to, nor any while the server wants a new sign-in: the
  // streams would only be refused.
  const streams =
    connection && !connection.signInNeeded
      ? connection.spaces
          .filter((s) => !s.ended)
          .map((s) => `${connection.serverUrl}/v1/spaces/${encodeURIComponent(s.id)}/events`)
      : [];
  const token = connection?.token ?? '';
  const key = `${token} ${streams.join(' ')}`;
  useEffect(() => {
    const stops = streams.map((url) => listenForPokes(url, token, () => nudgeSync(true)));
    const online = () => nudgeSync(true);
    window.addEventListener('online', online);
    return () => {
      stops.forEach((stop) => stop());
      window.removeEventListener('online', online);
    };
  }, [key]);
}

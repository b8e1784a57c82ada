import { useEffect } from 'preact/hooks';
import type { DocketDB } from '../../store/db';
import { getConnection } from '../../sync/connection-store';
import { getStatus } from '../../sync/status';
import { useLive } from '../use-live';
import { nudgeSync } from './nudge';

/** Sync status as shown to the user, kept live: connection, last outcome, what waits in the outbox. */
export function useSyncStatus(db: DocketDB) {
  return useLive(
    async () => ({
      connection: await getConnection(db),
      status: await getStatus(db),
      pending: await db.outbox.count(),
    }),
    [],
  );
}

/**
 * While a Docket page is open: new local changes nudge the background to sync, the server's events stream pokes
 * it when a teammate pushed, and coming back online retries at once.
 */
export function useSyncTriggers(db: DocketDB): void {
  const live = useSyncStatus(db);
  const pending = live?.pending ?? 0;
  useEffect(() => {
    if (pending > 0) nudgeSync();
  }, [pending]);
  const connection = live?.connection;
  const streams = connection
    ? connection.spaces.map(
        (s) =>
          `${connection.serverUrl}/v1/spaces/${encodeURIComponent(s.id)}/events?token=${encodeURIComponent(connection.token)}`,
      )
    : [];
  const key = streams.join(' ');
  useEffect(() => {
    const sources = streams.map((url) => {
      const source = new EventSource(url);
      source.addEventListener('poke', () => nudgeSync(true));
      return source;
    });
    const online = () => nudgeSync(true);
    window.addEventListener('online', online);
    return () => {
      sources.forEach((s) => s.close());
      window.removeEventListener('online', online);
    };
  }, [key]);
}

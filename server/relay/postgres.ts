import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { PokeMessage, Pokes } from '../pokes';

/** The channel every Docket process on one database listens to. */
export const CHANNEL = 'docket_pokes';

type Envelope = PokeMessage & { from: string };

/**
 * Carries pokes and stream closes between server processes through PostgreSQL's LISTEN/NOTIFY. A notification is a
 * hint, never data: a process whose listening connection dropped may have missed some, so when postgres.js listens
 * again (it retries until the database takes connections) every stream this process holds is poked, and each client
 * pulls and misses nothing. A process's own notifications come back to it and are skipped: it acted on them already.
 */
export async function relayThroughPostgres(sql: postgres.Sql, pokes: Pokes, log: (message: string) => void = () => {}) {
  const self = randomUUID();
  let first = true;
  const listening = await sql.listen(
    CHANNEL,
    (payload) => {
      let message: Envelope;
      try {
        message = JSON.parse(payload) as Envelope;
      } catch {
        return; // not ours
      }
      if (message.from !== self) pokes.receive(message);
    },
    // Called on the first LISTEN and again after each reconnect.
    () => {
      if (first) first = false;
      else {
        log('relay: listening again; every open stream pulls');
        pokes.pokeAll();
      }
    },
  );
  pokes.relay = (message) =>
    void sql.notify(CHANNEL, JSON.stringify({ ...message, from: self })).catch((e: unknown) => {
      // The database is away: the other processes' streams are poked when they listen again.
      log(`relay: could not notify (${e instanceof Error ? e.message : String(e)})`);
    });

  return {
    async stop() {
      pokes.relay = null;
      await listening.unlisten().catch(() => undefined);
    },
  };
}

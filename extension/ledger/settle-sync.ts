import { browser } from 'wxt/browser';
import type { DocketDB } from '../store/db';
import { getConnection } from '../sync/connection-store';
import { sentClients } from '../sync/pending';

/**
 * Before a shared client's pack is made: its changes still in the outbox are not in the server's log yet, and a
 * pack holding them would read as records the log does not explain. Asks for a sync and waits (a few seconds at
 * most) until they have gone; returns how many are still waiting (0 for a client that is not shared).
 */
export async function settleSync(db: DocketDB, clientId: string, waitMs = 10_000): Promise<number> {
  if (!sentClients(await getConnection(db)).includes(clientId)) return 0;
  const waiting = () => db.outbox.where('clientId').equals(clientId).count();
  if ((await waiting()) === 0) return 0;
  await browser.runtime.sendMessage({ type: 'docket:sync', now: true }).catch(() => undefined);
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    await new Promise((ok) => setTimeout(ok, 200));
    if ((await waiting()) === 0) return 0;
  }
  return waiting();
}

import { browser } from 'wxt/browser';
import type { DocketDB } from '../store/db';
import { getConnection } from '../sync/connection-store';
import { fetchLedger, type LedgerExport } from '../sync/log-export';
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

/**
 * A shared client's server log for a pack, after its unsent changes had their chance to go; null for a client that
 * is not shared, or when the server could not be reached. `note` says, for the user, what the pack lacks and why.
 */
export async function ledgerForPack(
  db: DocketDB,
  clientId: string,
): Promise<{ ledger: LedgerExport | null; note: string | null }> {
  let note: string | null = null;
  const unsent = await settleSync(db, clientId);
  if (unsent)
    note = `${unsent} change(s) of this client have not reached the server yet (offline?): the pack shows them as changes its log does not explain. Sync, then export again.`;
  const ledger = await fetchLedger(db, clientId).catch((e: unknown) => {
    note = `The server's log could not be fetched (${e instanceof Error ? e.message : String(e)}): the pack checks the seals without it.`;
    return null;
  });
  return { ledger, note };
}

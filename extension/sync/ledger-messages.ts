import { formatDay } from './messages';

/**
 * What the sync status says when a server's log did not check (extension/sync/checkpoints.ts), in a vCIO's words:
 * what happened, to which client, that sync of it stopped, and what to do.
 */

/** "1,204 changes". */
export const changesCount = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'change' : 'changes'}`;

const STOPPED = 'Sync is stopped for this client; export the evidence pack and contact your administrator.';

/** The log no longer holds, unchanged, what this browser verified at `seenSize` (a longer or equal log that differs). */
export function rewrittenMessage(client: string, seenSize: number): string {
  return (
    `The server's history for ${client} no longer contains what this browser saw at ${changesCount(seenSize)}: ` +
    `someone rewrote it. ${STOPPED}`
  );
}

/** The log is shorter than what this browser verified, and the server cannot prove it ever held what it saw. */
export function removedMessage(client: string, seenSize: number, nowSize: number): string {
  return (
    `The server's history for ${client} has ${changesCount(nowSize)}, fewer than the ${changesCount(seenSize)} this ` +
    `browser saw: changes were removed. ${STOPPED}`
  );
}

/** A checkpoint whose signature does not check with the server's pinned key (or that names another client's log). */
export function badSignatureMessage(client: string): string {
  return (
    `The server's statement of ${client}'s history does not carry its valid signature: it was altered on the way, ` +
    `or it does not come from the server this browser knows. ${STOPPED}`
  );
}

/** The server signs with a key other than the one pinned here: nothing it says can be checked any more. */
export function keyChangedMessage(serverUrl: string, pinnedAt: string, timeZone?: string): string {
  return (
    `The server's signing key changed since this browser first saw it (on ${formatDay(pinnedAt, timeZone)}): ` +
    `what it says about your clients' history can no longer be checked against what this browser saw. Sync with ` +
    `${new URL(serverUrl).host} is stopped; export the evidence pack and contact your administrator.`
  );
}

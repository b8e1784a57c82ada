import type { SignedCheckpoint } from '../../shared/ledger/checkpoint';
import { leafTextOf } from '../../shared/ledger/log-leaf';
import { MAX_CHECKPOINTS_PAGE, MAX_LEAVES_PAGE } from '../../shared/sync/ledger';
import type { DocketDB } from '../store/db';
import { getConnection } from './connection-store';
import { httpLedger, type LedgerApi } from './ledger-api';
import { ledgerAlarms, pinnedKey, verifiedCheckpoints } from './ledger-store';
import type { Fetch } from './transport';

export interface LedgerExport {
  space: string;
  serverKey: { algorithm: 'Ed25519'; keyId: string; publicKey: string };
  /** `leafTextOf` of each logged change, in seq order (index i holds seq i + 1). */
  leaves: string[];
  /** The server's checkpoints merged with those this browser verified (and any it was shown and refused). */
  checkpoints: SignedCheckpoint[];
}

/**
 * A shared client's server log for an evidence or handoff pack: the server's key as pinned here (fetched if this
 * browser never pinned one), every leaf of the space's log, and the checkpoints: the server's list merged with
 * those this browser verified, so a verifier sees both when they differ (a rewritten log, a fork) — including the
 * checkpoints kept as evidence by an alarm. Null for a client that is not shared (or not yet linked to its space).
 */
export async function fetchLedger(
  db: DocketDB,
  clientId: string,
  fetchImpl?: Fetch,
  api?: LedgerApi,
): Promise<LedgerExport | null> {
  const connection = await getConnection(db);
  const space = connection?.spaces.find((s) => s.clientId === clientId);
  if (!connection || !space) return null;
  const ledger = api ?? httpLedger(connection.serverUrl, connection.token, fetchImpl);

  // This browser's own first, then the server's, then the leaves: the leaves then reach every checkpoint listed
  // (the log only grows between these reads, unless the server shrank it, which the pack must show).
  const mine = await verifiedCheckpoints(db, space.id);
  const alarms = (await ledgerAlarms(db)).filter((a) => a.space === space.id || a.space === null);
  const evidence = alarms
    .flatMap((a) => [a.evidence.seen, a.evidence.presented])
    .filter((c): c is SignedCheckpoint => c !== null && c.space === space.id);
  const theirs: SignedCheckpoint[] = [];
  for (let after = 0; ;) {
    const page = await ledger.checkpoints(space.id, after, MAX_CHECKPOINTS_PAGE);
    theirs.push(...page.checkpoints);
    // Until a page comes back empty: a server may send fewer than asked.
    if (!page.checkpoints.length) break;
    after = page.checkpoints.at(-1)!.size;
  }
  const leaves: string[] = [];
  for (let after = 0; ;) {
    const page = await ledger.leaves(space.id, after, MAX_LEAVES_PAGE);
    leaves.push(...page.changes.map(leafTextOf));
    if (!page.more || !page.changes.length) break;
    after = page.changes.at(-1)!.seq;
  }

  const pinned = await pinnedKey(db, connection.serverUrl);
  const key = pinned ?? (await ledger.serverKey());
  return {
    space: space.id,
    serverKey: { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey },
    leaves,
    checkpoints: merged([...mine, ...evidence, ...theirs]),
  };
}

/**
 * One checkpoint per size and root, by size (two roots at one size both stay: that is the fork to show), each with
 * every co-signature any copy of it carries, once per key.
 */
function merged(all: readonly SignedCheckpoint[]): SignedCheckpoint[] {
  const byView = new Map<string, SignedCheckpoint>();
  for (const cp of all) {
    const at = `${cp.size}:${cp.root}`;
    const there = byView.get(at);
    const { space, size, root, time, server, cosignatures } = cp;
    if (!there) {
      byView.set(at, { space, size, root, time, server, cosignatures: [...cosignatures] });
      continue;
    }
    const keys = new Set(there.cosignatures.map((c) => c.keyId));
    for (const c of cosignatures) if (!keys.has(c.keyId)) there.cosignatures.push(c);
  }
  return [...byView.values()].sort((a, b) => a.size - b.size || (a.root < b.root ? -1 : 1));
}

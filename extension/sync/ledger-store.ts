import type { SignedCheckpoint } from '../../shared/ledger/checkpoint';
import type { DocketDB, KeptCheckpoint } from '../store/db';

export type { KeptCheckpoint };

/**
 * What this browser keeps of the servers' verifiable logs: each server's signing key as first seen (pinned), every
 * checkpoint of a space it verified (the `checkpoints` table, one per size), and the alarms raised when a server's
 * answer did not check, with their evidence.
 */

/** A server's signing key as this browser first saw it: later checkpoints must be signed by it. */
export interface PinnedKey {
  algorithm: 'Ed25519';
  keyId: string;
  publicKey: string;
  /** When the server says it made the key. */
  createdAt: string;
  /** When this browser pinned it. */
  pinnedAt: string;
}

const origin = (serverUrl: string) => new URL(serverUrl).origin;
const keyKey = (serverUrl: string) => `ledger.serverKey.${origin(serverUrl)}`;

export async function pinnedKey(db: DocketDB, serverUrl: string): Promise<PinnedKey | null> {
  return ((await db.settings.get(keyKey(serverUrl)))?.value as PinnedKey | undefined) ?? null;
}

/** Pins `key` unless a key is pinned for that server already; returns the one pinned. */
export function pinKey(db: DocketDB, serverUrl: string, key: PinnedKey): Promise<PinnedKey> {
  return db.transaction('rw', db.settings, async () => {
    const there = await pinnedKey(db, serverUrl);
    if (there) return there;
    await db.settings.put({ key: keyKey(serverUrl), value: key });
    return key;
  });
}

// Sizes are numbers: ±Infinity bound them (no runtime import of Dexie here: it would load before a test's fake IndexedDB).
const spaceRange = (db: DocketDB, space: string) =>
  db.checkpoints.where('[space+size]').between([space, -Infinity], [space, Infinity]);

/** Every checkpoint of the space this browser verified, smallest first. */
export function verifiedCheckpoints(db: DocketDB, space: string): Promise<KeptCheckpoint[]> {
  return spaceRange(db, space).toArray();
}

/** The newest checkpoint of the space this browser verified: the log as it last saw it. */
export async function latestVerified(db: DocketDB, space: string): Promise<KeptCheckpoint | null> {
  return (await spaceRange(db, space).last()) ?? null;
}

/** The verified checkpoints nearest a size: the largest below it, the one at it, the smallest above it. */
export async function verifiedAround(
  db: DocketDB,
  space: string,
  size: number,
): Promise<{ below: KeptCheckpoint | null; same: KeptCheckpoint | null; above: KeptCheckpoint | null }> {
  return db.transaction('r', db.checkpoints, async () => {
    const [below, same, above] = await Promise.all([
      db.checkpoints.where('[space+size]').between([space, -Infinity], [space, size], false, false).last(),
      db.checkpoints.get([space, size]),
      db.checkpoints.where('[space+size]').between([space, size], [space, Infinity], false, false).first(),
    ]);
    return { below: below ?? null, same: same ?? null, above: above ?? null };
  });
}

/** Keeps a checkpoint this browser verified (the first one kept at a size stays). */
export async function keepVerified(db: DocketDB, checkpoint: SignedCheckpoint, at: string): Promise<void> {
  const { space, size, root, time, server, cosignatures } = checkpoint;
  await db.transaction('rw', db.checkpoints, async () => {
    if (await db.checkpoints.get([space, size])) return;
    await db.checkpoints.add({ space, size, root, time, server, cosignatures, verifiedAt: at, cosignedAt: null });
  });
}

/** Marks a checkpoint as co-signed by this browser, with the co-signatures the server now has for it. */
export async function markCosigned(db: DocketDB, checkpoint: SignedCheckpoint, at: string): Promise<void> {
  await db.checkpoints.update([checkpoint.space, checkpoint.size], {
    cosignedAt: at,
    cosignatures: checkpoint.cosignatures,
  });
}

/** Why sync of a space (or of a whole server) stopped: what did not check. */
export type LedgerAlarmKind = 'rewritten' | 'removed' | 'forked' | 'bad-signature' | 'key-changed';

export interface LedgerAlarm {
  kind: LedgerAlarmKind;
  serverUrl: string;
  /** The space whose log did not check; null when the server's key changed (every space of it stops). */
  space: string | null;
  clientId: string | null;
  /** When this browser found it. */
  at: string;
  /** What the vCIO reads in the sync status. */
  message: string;
  /** The check's own words (checkExtends, forkOf), for the administrator. */
  reason: string;
  /** Both sides, kept: what this browser had verified, what the server showed, and the proof it gave. */
  evidence: {
    seen: SignedCheckpoint | null;
    presented: SignedCheckpoint | null;
    proof: string[] | null;
    pinnedKey: PinnedKey | null;
    presentedKeyId: string | null;
  };
}

const ALARMS = 'ledger.alarms';

export async function ledgerAlarms(db: DocketDB): Promise<LedgerAlarm[]> {
  return ((await db.settings.get(ALARMS))?.value as LedgerAlarm[] | undefined) ?? [];
}

/** The alarm that stops this space of that server, if any (its own, or its server's key change). */
export function alarmFor(alarms: readonly LedgerAlarm[], serverUrl: string, space: string): LedgerAlarm | null {
  const server = origin(serverUrl);
  return alarms.find((a) => origin(a.serverUrl) === server && (a.space === space || a.space === null)) ?? null;
}

/** Keeps an alarm; the first one found for a space (or for a server's key) stays, with its evidence. */
export function raiseAlarm(db: DocketDB, alarm: LedgerAlarm): Promise<LedgerAlarm> {
  return db.transaction('rw', db.settings, async () => {
    const alarms = await ledgerAlarms(db);
    const there = alarms.find((a) => origin(a.serverUrl) === origin(alarm.serverUrl) && a.space === alarm.space);
    if (there) return there;
    await db.settings.put({ key: ALARMS, value: [...alarms, alarm] });
    return alarm;
  });
}

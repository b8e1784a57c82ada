import { fromHex } from '../../shared/ledger/bytes';
import {
  type Checkpoint,
  checkExtends,
  forkOf,
  type SignedCheckpoint,
  verifyCheckpointSignature,
} from '../../shared/ledger/checkpoint';
import type { DocketDB } from '../store/db';
import type { LedgerApi } from './ledger-api';
import { badSignatureMessage, keyChangedMessage, removedMessage, rewrittenMessage } from './ledger-messages';
import {
  alarmFor,
  keepVerified,
  type LedgerAlarm,
  ledgerAlarms,
  type PinnedKey,
  pinKey,
  pinnedKey,
  raiseAlarm,
  verifiedAround,
} from './ledger-store';
import { SyncError, type SyncTransport } from './transport';

/** Sync of a space stopped: its server's log did not check. Thrown before anything of the answer is applied. */
export class LedgerStop extends Error {
  constructor(readonly alarm: LedgerAlarm) {
    super(alarm.message);
    this.name = 'LedgerStop';
  }
}

/** Checks the checkpoints a server's answers carry, for one sync round with that server. */
export interface LedgerGuard {
  /**
   * Verifies a checkpoint a push, pull or snapshot brought, then keeps it as verified: the server's signature with
   * its pinned key, and, against the checkpoints of that space this browser verified before, a consistency proof
   * (or the same root at the same size). Throws LedgerStop (the alarm kept, with both checkpoints) when it does not
   * check, and for a space already stopped.
   */
  check(space: string, checkpoint: SignedCheckpoint | null | undefined): Promise<void>;
  /** The alarm that stops this space, if any. */
  stopped(space: string): LedgerAlarm | null;
  /** This server's alarms, those found before and in this round. */
  alarms(): LedgerAlarm[];
}

export interface GuardOptions {
  /** The local client a space holds and what to call it in a message (its name here, else the space's). */
  describe: (space: string) => Promise<{ clientId: string | null; name: string }>;
  now?: () => Date;
}

export async function ledgerGuard(
  db: DocketDB,
  serverUrl: string,
  api: LedgerApi,
  { describe, now = () => new Date() }: GuardOptions,
): Promise<LedgerGuard> {
  const origin = new URL(serverUrl).origin;
  const alarms = (await ledgerAlarms(db)).filter((a) => new URL(a.serverUrl).origin === origin);
  let key: PinnedKey | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** The server's key: pinned here already, or fetched once and pinned from then on. */
  async function serverKey(): Promise<PinnedKey> {
    key ??= await pinnedKey(db, serverUrl);
    if (key) return key;
    const fetched = await api.serverKey();
    key = await pinKey(db, serverUrl, {
      algorithm: fetched.algorithm,
      keyId: fetched.keyId,
      publicKey: fetched.publicKey,
      createdAt: fetched.createdAt,
      pinnedAt: now().toISOString(),
    });
    return key;
  }

  async function stop(
    kind: LedgerAlarm['kind'],
    space: string | null,
    message: (name: string) => string,
    reason: string,
    evidence: Partial<LedgerAlarm['evidence']>,
  ): Promise<never> {
    const { clientId, name } = space ? await describe(space) : { clientId: null, name: '' };
    const alarm = await raiseAlarm(db, {
      kind,
      serverUrl,
      space,
      clientId,
      at: now().toISOString(),
      message: message(name),
      reason,
      evidence: {
        seen: null,
        presented: null,
        proof: null,
        pinnedKey: key,
        presentedKeyId: null,
        ...evidence,
      },
    });
    if (!alarms.includes(alarm)) alarms.push(alarm);
    throw new LedgerStop(alarm);
  }

  /** `old` is a prefix of `next`, by the server's own proof; one of them is what this browser verified. */
  async function mustExtend(space: string, old: SignedCheckpoint, next: SignedCheckpoint, seenIsOld: boolean) {
    const seen = seenIsOld ? old : next;
    const presented = seenIsOld ? next : old;
    let proof: string[];
    try {
      const answer = await api.consistency(space, old.size, next.size);
      proof = answer.from === old.size && answer.to === next.size ? answer.proof : [];
    } catch (e) {
      // Asked to prove that the log reached the larger size this browser saw, the server says it never did.
      if (!seenIsOld && e instanceof SyncError && e.status >= 400 && e.status < 500 && e.code !== 'rate-limited') {
        const reason = checkExtends(seen, presented, []);
        return stop(
          'removed',
          space,
          (name) => removedMessage(name, seen.size, presented.size),
          reason.ok ? e.message : reason.reason,
          { seen, presented },
        );
      }
      throw e;
    }
    const result = checkExtends(old, next, proof);
    if (!result.ok)
      return stop('rewritten', space, (name) => rewrittenMessage(name, seen.size), result.reason, {
        seen,
        presented,
        proof,
      });
  }

  async function verify(space: string, cp: SignedCheckpoint): Promise<void> {
    const known = alarmFor(alarms, serverUrl, space);
    if (known) throw new LedgerStop(known);
    // A checkpoint the server could not sign (it has no key yet) proves nothing: not kept, never co-signed.
    if (!cp.server) return;
    const pinned = await serverKey();
    // Signed by another key: has the server's own key changed since it was pinned? If it still publishes the pinned
    // key, this is an older checkpoint kept from another key (a space imported from another server, a key lost and
    // made again): it cannot be checked here, so it is neither kept nor co-signed, and the next one is checked.
    if (cp.server.keyId !== pinned.keyId && (await api.serverKey()).keyId === pinned.keyId) return;
    if (cp.server.keyId !== pinned.keyId)
      return stop(
        'key-changed',
        null,
        () => keyChangedMessage(serverUrl, pinned.pinnedAt),
        `checkpoints are now signed by key ${cp.server.keyId.slice(0, 16)}…, not by the pinned key ${pinned.keyId.slice(0, 16)}…`,
        { presented: cp, presentedKeyId: cp.server.keyId },
      );
    const signed = await verifyCheckpointSignature(cp, cp.server, fromHex(pinned.publicKey));
    if (!signed || cp.space !== space)
      return stop(
        'bad-signature',
        space,
        badSignatureMessage,
        signed ? `the checkpoint is of space ${cp.space}, not ${space}` : "the server's signature does not verify",
        { presented: cp, presentedKeyId: cp.server.keyId },
      );
    const { below, same, above } = await verifiedAround(db, space, cp.size);
    if (same) {
      const fork = forkOf(same, cp);
      if (fork)
        return stop('forked', space, (name) => rewrittenMessage(name, same.size), fork, { seen: same, presented: cp });
      return;
    }
    if (below && below.size > 0) await mustExtend(space, below, cp, true);
    if (above) await mustExtend(space, cp, above, false);
    await keepVerified(db, cp, now().toISOString());
  }

  return {
    check(space, checkpoint) {
      const known = alarmFor(alarms, serverUrl, space);
      if (known) return Promise.reject(new LedgerStop(known));
      if (!checkpoint) return Promise.resolve();
      // One at a time: a snapshot's next page may arrive while the previous one's checkpoint is checked.
      const next = queue.then(() => verify(space, checkpoint));
      queue = next.catch(() => undefined);
      return next;
    },
    stopped: (space) => alarmFor(alarms, serverUrl, space),
    alarms: () => [...alarms],
  };
}

/** The checkpoint an answer carries, if any. */
const checkpointOf = (answer: object): SignedCheckpoint | null =>
  (answer as { checkpoint?: SignedCheckpoint | null }).checkpoint ?? null;

/**
 * The transport with every push, pull and snapshot answer's checkpoint checked before the answer is handed on: a
 * pull page whose checkpoint does not check is never applied, and a push that brings one stops the next batch.
 */
export function guardedTransport(transport: SyncTransport, guard: LedgerGuard): SyncTransport {
  const checked = async <T extends object>(space: string, answer: Promise<T>): Promise<T> => {
    const got = await answer;
    await guard.check(space, checkpointOf(got));
    return got;
  };
  return {
    push: (space, request) => checked(space, transport.push(space, request)),
    pull: (space, cursor, limit) => checked(space, transport.pull(space, cursor, limit)),
    snapshot: (space, page, limit) => checked(space, transport.snapshot(space, page, limit)),
    members: (space) => transport.members(space),
  };
}

/**
 * Where two devices' verified checkpoints of a log show different histories at the same size: the server showed
 * them different logs. One line per size that differs.
 */
export function divergences(a: readonly Checkpoint[], b: readonly Checkpoint[]): string[] {
  const bySize = new Map(b.map((cp) => [`${cp.space}\u0000${cp.size}`, cp]));
  return a.flatMap((cp) => {
    const other = bySize.get(`${cp.space}\u0000${cp.size}`);
    const fork = other && forkOf(cp, other);
    return fork ? [fork] : [];
  });
}

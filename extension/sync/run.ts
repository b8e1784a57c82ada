import { z } from 'zod';
import { Role } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import { guardedTransport, type LedgerGuard, ledgerGuard, LedgerStop } from './checkpoints';
import { type Connection, getConnection, type SharedSpace, type SpaceEnded } from './connection-store';
import { cosignLatest, registerDevice } from './cosign';
import { httpLedger } from './ledger-api';
import { endedFrom, type Learned, saveLearned } from './lost-access';
import { signInMessage, signInNeededFrom, syncMessage } from './messages';
import { countPending } from './pending';
import { downloadImages, httpImages, uploadImages } from './images';
import { pullSpace } from './pull';
import { pushClient } from './push';
import { getStatus, lastSynced, STATUS_KEY, type SyncState, type SyncStatus } from './status';
import { type Fetch, httpTransport, requestJson, SyncError } from './transport';

export type { SyncState, SyncStatus };

/** How long to wait before trying again after `failures` failures in a row: 5 s doubling, at most 5 minutes. */
export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(5 * 60_000, 5_000 * 2 ** (failures - 1));
}

/** `GET /v1/me`: who this token is, the spaces and roles in force, and whether the server lets them create spaces. */
export const Me = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  spaces: z.array(z.object({ id: z.string(), name: z.string(), role: Role })),
  canCreateSpaces: z.boolean().optional().catch(undefined),
});
const SpaceAnswer = z.object({ name: z.string(), role: Role });

export interface RoundOptions {
  /** The user asked ("Sync now"): tried even while sign-in is needed, in case it came back. */
  manual?: boolean;
}

/**
 * One sync round for every shared space: first who we are and our role in each space (`GET /v1/me`, so a role an
 * owner changed holds from the next round), then push and pull each space (a viewer only pulls: the server refuses
 * a viewer's changes). A space joined by invite learns which local client it holds from its first pull. A space
 * this account lost access to (removed, left, gone) is marked ended and skipped from then on, its local copy and
 * unsent changes kept; the other spaces go on. A token the server refuses (signed out, expired) marks the whole
 * connection as needing sign-in, and scheduled rounds stop trying until the user signs in again. The outcome is
 * saved as the status the popup and log page show.
 */
export async function syncAll(
  db: DocketDB,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
  now = () => new Date(),
  { manual = false }: RoundOptions = {},
): Promise<SyncStatus> {
  const connection = await getConnection(db);
  const previous = await getStatus(db);
  let status: SyncStatus;
  if (!connection)
    status = {
      state: 'not-connected',
      at: now().toISOString(),
      pending: 0,
      message: '',
      failures: 0,
      lastSyncedAt: null,
    };
  else if (connection.signInNeeded && !manual)
    // Every call would be refused: nothing is tried until the user signs in again (or asks).
    status = {
      state: 'sign-in-needed',
      at: now().toISOString(),
      pending: await countPending(db, connection),
      message: signInMessage(connection.signInNeeded),
      failures: previous?.failures ?? 0,
      lastSyncedAt: lastSynced(previous),
    };
  else {
    const learned: Learned = { spaces: new Map() };
    try {
      const spaces = await refreshSpaces(connection, fetchImpl, now, learned);
      // Every checkpoint the server's answers carry is checked before the answer is used (checkpoints.ts).
      const ledger = httpLedger(connection.serverUrl, connection.token, fetchImpl);
      const guard = await ledgerGuard(db, connection.serverUrl, ledger, { describe: describer(db, spaces), now });
      const transport = guardedTransport(httpTransport(connection.serverUrl, connection.token, fetchImpl), guard);
      const images = httpImages(connection.serverUrl, connection.token, fetchImpl);
      for (const space of spaces) {
        // A space whose log did not check stays stopped: nothing pushed, nothing pulled, until an administrator acts.
        if (space.ended || guard.stopped(space.id)) continue;
        try {
          const writes = space.role !== 'viewer';
          if (space.clientId && writes) {
            // This browser's key goes into the log with the push, so it may co-sign the checkpoints it verifies.
            await registerDevice(db, space.clientId, now()).catch(() => undefined);
            // A capture's images go up before the capture, so a teammate who receives it can fetch them.
            await uploadImages(db, images, space.clientId, space.id);
            await pushClient(db, transport, space.clientId, space.id);
          }
          const before = space.clientId ? null : new Set(await db.clients.toCollection().primaryKeys());
          const pulled = await pullSpace(db, transport, space.id);
          await downloadImages(db, images, space.id, pulled.images);
          const found = before && (await db.clients.toCollection().primaryKeys()).find((id) => !before.has(id));
          if (found) learn(learned, space.id, { clientId: found });
          // A viewer's key is never in the log (it cannot push its device record): viewers do not co-sign.
          if (space.clientId && writes) await cosignLatest(db, ledger, space.id, space.clientId, now);
        } catch (e) {
          if (e instanceof LedgerStop) continue; // kept as an alarm, told below; the other spaces go on
          const ended = endedFrom(e, now());
          if (!ended) throw e;
          learn(learned, space.id, { ended });
        }
      }
      const saved = await saveLearned(db, connection.token, learned, { cleared: connection.signInNeeded });
      const pending = await countPending(db, saved);
      const at = now().toISOString();
      const stopped = stoppedMessage(guard, saved?.spaces ?? spaces);
      status = stopped
        ? { state: 'error', at, pending, message: stopped, failures: 0, lastSyncedAt: at }
        : { state: pending ? 'pending' : 'synced', at, pending, message: '', failures: 0, lastSyncedAt: at };
    } catch (e) {
      const err =
        e instanceof SyncError ? e : new SyncError('server-error', e instanceof Error ? e.message : String(e));
      // A manual retry keeps the reason found first (a sign-out here stays one).
      const refused = signInNeededFrom(err, now());
      const signIn = refused ? (connection.signInNeeded ?? refused) : null;
      const saved = await saveLearned(db, connection.token, learned, { signIn });
      const state: SyncState = err.code === 'offline' ? 'offline' : signIn ? 'sign-in-needed' : 'error';
      status = {
        state,
        at: now().toISOString(),
        pending: await countPending(db, saved ?? connection),
        message: signIn ? signInMessage(signIn) : syncMessage(err, connection.serverUrl),
        failures: (previous?.failures ?? 0) + 1,
        lastSyncedAt: lastSynced(previous),
      };
    }
  }
  await db.settings.put({ key: STATUS_KEY, value: status });
  return status;
}

/** The local client a space holds, and its name for a message (the space's name until it is known here). */
function describer(db: DocketDB, spaces: readonly SharedSpace[]) {
  return async (id: string) => {
    const space = spaces.find((s) => s.id === id);
    const clientId = space?.clientId ?? null;
    const name = (clientId && (await db.clients.get(clientId))?.name) || space?.name || 'a shared client';
    return { clientId, name };
  };
}

/** What the status says for the spaces whose server log did not check (none: null). Sent every round until resolved. */
function stoppedMessage(guard: LedgerGuard, spaces: readonly SharedSpace[]): string | null {
  const messages = new Set<string>();
  for (const space of spaces) {
    const alarm = space.ended ? null : guard.stopped(space.id);
    if (alarm) messages.add(alarm.message);
  }
  return messages.size ? [...messages].join(' ') : null;
}

function learn(learned: Learned, id: string, what: Partial<SharedSpace>): void {
  learned.spaces.set(id, { ...learned.spaces.get(id), ...what });
}

/**
 * The connection's spaces as the server has them now: each listed space's role and name from `GET /v1/me`. A space
 * no longer listed is asked about once (`GET /v1/spaces/:space`), which says who removed this account and when
 * (`403 removed`), or that it is gone (`404`); it is marked ended. Also the user's name, renamed elsewhere, and
 * whether the server lets them create spaces (share a client).
 */
async function refreshSpaces(
  connection: Connection,
  fetchImpl: Fetch,
  now: () => Date,
  learned: Learned,
): Promise<SharedSpace[]> {
  const headers = { authorization: `Bearer ${connection.token}` };
  const answer = await requestJson(fetchImpl, `${connection.serverUrl}/v1/me`, { headers });
  const me = Me.safeParse(answer.body);
  if (!me.success) throw new SyncError('bad-response', 'The sync server sent an answer Docket does not understand.');
  const spaces: SharedSpace[] = [];
  for (const space of connection.spaces) {
    if (space.ended) {
      spaces.push(space);
      continue;
    }
    let listed: { name: string; role: Role } | undefined = me.data.spaces.find((s) => s.id === space.id);
    let ended: SpaceEnded | null = null;
    if (!listed) {
      try {
        const url = `${connection.serverUrl}/v1/spaces/${encodeURIComponent(space.id)}`;
        listed = SpaceAnswer.parse((await requestJson(fetchImpl, url, { headers })).body);
      } catch (e) {
        ended = endedFrom(e, now());
        if (!ended) throw e;
      }
    }
    const what: Partial<SharedSpace> = ended ? { ended } : { name: listed!.name, role: listed!.role };
    if (ended || listed!.name !== space.name || listed!.role !== space.role) learn(learned, space.id, what);
    spaces.push({ ...space, ...what });
  }
  if (me.data.user.name !== connection.user.name) learned.userName = me.data.user.name;
  if (me.data.canCreateSpaces !== undefined) learned.canCreateSpaces = me.data.canCreateSpaces;
  return spaces;
}

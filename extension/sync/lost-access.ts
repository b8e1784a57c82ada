import type { DocketDB } from '../store/db';
import {
  type Connection,
  getConnection,
  saveConnection,
  type SharedSpace,
  type SignInNeeded,
  type SpaceEnded,
} from './connection-store';
import { SyncError } from './transport';

/**
 * How this account's access to a space ended, from the server's refusal: `403 removed` says who removed it (or that
 * it left) and when; a `404` for a space it synced means the space is gone. Null for any other refusal.
 */
export function endedFrom(err: unknown, now: Date): SpaceEnded | null {
  if (!(err instanceof SyncError)) return null;
  if (err.code === 'removed') {
    const removal = err.details.removal;
    if (removal?.action === 'left') return { reason: 'left', by: null, at: removal.at };
    return { reason: 'removed', by: removal?.by.name ?? null, at: removal?.at ?? now.toISOString() };
  }
  if (err.code === 'not-found' && err.status === 404) return { reason: 'gone', by: null, at: now.toISOString() };
  return null;
}

/** What a sync round found out, to be written into the stored connection. */
export interface Learned {
  /** By space id: its role and name as the server has them, the local client it holds, or that it ended. */
  spaces: Map<string, Partial<SharedSpace>>;
  /** The user's display name, when it was changed (from another device). */
  userName?: string;
  /** Whether the server lets this user create spaces, when it said. */
  canCreateSpaces?: boolean;
}

const sameSignIn = (a?: SignInNeeded, b?: SignInNeeded) => !!a && !!b && a.reason === b.reason && a.at === b.at;

/**
 * Writes what a round (or a Team panel action) learned into the connection as it is stored now, not as it was when
 * the round began: the user may have left a space or signed out meanwhile. Nothing is written when the connection
 * is gone or holds another token (disconnected, or signed in anew). An ended space stays ended, a found client
 * stays found. `signIn` marks the connection as needing sign-in (a reason already there is kept); `cleared` lifts
 * that mark if it is still the one the round started with. Returns the connection as it now is.
 */
export async function saveLearned(
  db: DocketDB,
  token: string,
  learned: Learned,
  { signIn, cleared }: { signIn?: SignInNeeded | null; cleared?: SignInNeeded } = {},
): Promise<Connection | null> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getConnection(db);
    if (!current || current.token !== token) return current;
    const spaces = current.spaces.map((space): SharedSpace => {
      const what = learned.spaces.get(space.id);
      if (!what) return space;
      const ended = space.ended ?? what.ended;
      return {
        ...space,
        name: what.name ?? space.name,
        role: what.role ?? space.role,
        clientId: space.clientId ?? what.clientId ?? null,
        ...(ended ? { ended } : {}),
      };
    });
    const next: Connection = {
      serverUrl: current.serverUrl,
      token: current.token,
      user: learned.userName ? { ...current.user, name: learned.userName } : current.user,
      spaces,
    };
    const canCreateSpaces = learned.canCreateSpaces ?? current.canCreateSpaces;
    if (canCreateSpaces !== undefined) next.canCreateSpaces = canCreateSpaces;
    const needed = signIn
      ? (current.signInNeeded ?? signIn)
      : sameSignIn(current.signInNeeded, cleared)
        ? undefined
        : current.signInNeeded;
    if (needed) next.signInNeeded = needed;
    await saveConnection(db, next);
    return next;
  });
}

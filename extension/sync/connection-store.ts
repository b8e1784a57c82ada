import type { Role } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';

/** A space this browser syncs, and the local client whose log it holds (null until its first pull finds it). */
export interface SharedSpace {
  id: string;
  name: string;
  role: Role;
  clientId: string | null;
  /**
   * Set when this account lost access to the space (removed by an owner, left, or the space is gone): sync of it
   * stops for good and the local copy is kept, read-only, with this told to the user.
   */
  ended?: SpaceEnded;
}

export interface SpaceEnded {
  reason: 'removed' | 'left' | 'gone';
  /** Who removed this account, by display name, when the server says. */
  by: string | null;
  at: string;
}

export interface Connection {
  serverUrl: string;
  token: string;
  user: { id: string; name: string };
  spaces: SharedSpace[];
  /**
   * Whether the server lets this user create spaces (share a client), as `GET /v1/me` says at sign-in and each round;
   * unknown (undefined) until it has said, or on a server that does not say.
   */
  canCreateSpaces?: boolean;
  /**
   * Set when the server stopped accepting this browser's token (signed out here or from another device, expired,
   * unknown): scheduled rounds stop until the user signs in again. The server, the user and the local log are kept.
   */
  signInNeeded?: SignInNeeded;
}

export interface SignInNeeded {
  /** `signed-out`: from this browser; `revoked`: from another device or by the administrator. */
  reason: 'signed-out' | 'revoked' | 'expired' | 'unknown';
  /** When it was signed out, as the server says; otherwise when this browser found out. */
  at: string;
  /** For an expired sign-in: how many days unused the server allows. */
  idleDays?: number;
}

const KEY = 'sync.connection';

export async function getConnection(db: DocketDB): Promise<Connection | null> {
  return ((await db.settings.get(KEY))?.value as Connection | undefined) ?? null;
}
export async function saveConnection(db: DocketDB, connection: Connection | null): Promise<void> {
  if (connection) await db.settings.put({ key: KEY, value: connection });
  else await db.settings.delete(KEY);
}

import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/sync/protocol';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import type { SyncStore, Token } from '../store/types';
import { hashSecret } from './secrets';

/** The secret a request presents: `Authorization: Bearer …` only (a token in a URL ends up in logs). */
export function presentedToken(c: Context): string | null {
  const header = c.req.header('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

/** The server's clock and token lifetime, put on every request by `createApp` (see `authPolicy`). */
export type AuthPolicy = {
  now: () => number;
  tokenMaxIdleMs: number;
  /** When each (space, member) was last recorded as seen, so that is written at most once a minute. */
  seen: Map<string, number>;
};

/** Token uses and members' last seen times are written at most this often. */
export const TOUCH_EVERY_MS = 60_000;

const FALLBACK_POLICY: AuthPolicy = { now: Date.now, tokenMaxIdleMs: 90 * 86_400_000, seen: new Map() };

export function authPolicy(policy: AuthPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('authPolicy', policy);
    await next();
  };
}

const policyOf = (c: Context<AppEnv>): AuthPolicy => c.get('authPolicy') ?? FALLBACK_POLICY;

/** Whether a token has gone unused for longer than the server allows. */
export function tokenExpired(token: Token, now: number, maxIdleMs: number): boolean {
  return now - Date.parse(token.lastUsedAt) > maxIdleMs;
}

/**
 * Resolves a presented token to its user; a revoked or expired token fails at once, each with its own code. A use
 * is recorded when the last one recorded is a minute old or more.
 */
export async function authenticate(store: SyncStore, c: Context<AppEnv>, token: string): Promise<void> {
  const found = token ? await store.findToken(hashSecret(token)) : null;
  if (!found) throw new ApiError('unauthorized', 'Unknown token: sign in again with a setup or invite code.');
  const { revokedAt, lastUsedAt } = found.token;
  if (revokedAt) {
    const message = `This device was signed out on ${revokedAt.slice(0, 10)} (its token was revoked): sign in again.`;
    throw new ApiError('token-revoked', message, {}, { revokedAt });
  }
  const { now, tokenMaxIdleMs } = policyOf(c);
  const t = now();
  if (tokenExpired(found.token, t, tokenMaxIdleMs)) {
    const idleDays = Number((tokenMaxIdleMs / 86_400_000).toFixed(3));
    const message =
      `This token expired after ${idleDays} days unused (last used ${lastUsedAt.slice(0, 10)}): ` + 'sign in again.';
    throw new ApiError('token-expired', message, {}, { lastUsedAt, idleDays });
  }
  if (t - Date.parse(found.token.lastUsedAt) >= TOUCH_EVERY_MS) {
    const at = new Date(t).toISOString();
    await store.touchToken(found.token.id, at);
    found.token.lastUsedAt = at;
  }
  c.set('user', found.user);
  c.set('token', found.token);
}

export function requireUser(store: SyncStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = presentedToken(c);
    if (token === null) throw new ApiError('unauthorized', 'Sign in: send `Authorization: Bearer <token>`.');
    await authenticate(store, c, token);
    await next();
  };
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** Why a former member may no longer use a space: `403 removed`, saying who removed them (or that they left) and when. */
async function removedError(store: SyncStore, spaceId: string, userId: string): Promise<ApiError | null> {
  const gone = await store.lastRemoval(spaceId, userId);
  if (!gone) return null;
  const day = gone.at.slice(0, 10);
  const message =
    gone.action === 'left'
      ? `You left ${gone.spaceName} on ${day}.`
      : `${gone.actorName} removed you from ${gone.spaceName} on ${day}.`;
  const removal = { action: gone.action, by: { id: gone.actorId, name: gone.actorName }, at: gone.at };
  return new ApiError('removed', message, {}, { removal });
}

/**
 * The caller must be a member of `:space` with at least `min`. A non-member gets the same 404 whether or not the
 * space exists, so a token for one space learns nothing about another; a former member (removed, or who left) gets
 * `403 removed` saying by whom and when, which tells them nothing they were not part of.
 */
export function requireRole(store: SyncStore, min: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const spaceId = c.req.param('space') ?? '';
    const membership = await store.membership(spaceId, c.get('user').id);
    if (!membership)
      throw (await removedError(store, spaceId, c.get('user').id)) ?? new ApiError('not-found', 'No such space.');
    const userId = c.get('user').id;
    const { now, seen } = policyOf(c);
    const t = now();
    const key = `${membership.id}\u0000${userId}`;
    if (t - (seen.get(key) ?? -Infinity) >= TOUCH_EVERY_MS) {
      seen.set(key, t);
      await store.touchMember(membership.id, userId, new Date(t).toISOString());
    }
    if (RANK[membership.role] < RANK[min]) {
      throw new ApiError('forbidden', `This needs the ${min} role in this space; you are ${membership.role}.`);
    }
    c.set('membership', membership);
    await next();
  };
}

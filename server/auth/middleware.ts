import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/sync/protocol';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import type { SyncStore } from '../store/types';
import { hashSecret } from './secrets';

/** The secret a request presents: `Authorization: Bearer …`, or `?token=` where allowed (EventSource cannot set headers). */
export function presentedToken(c: Context, allowQuery = false): string | null {
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1]! : '';
  }
  return allowQuery ? (c.req.query('token') ?? null) : null;
}

/** Resolves a presented token to its user; a revoked token fails at once, with its own code. */
export function authenticate(store: SyncStore, c: Context<AppEnv>, token: string): void {
  const found = token ? store.findToken(hashSecret(token)) : null;
  if (!found) throw new ApiError('unauthorized', 'Unknown token: sign in again with a setup or invite code.');
  if (found.token.revokedAt) throw new ApiError('token-revoked', 'This token has been revoked: sign in again.');
  c.set('user', found.user);
  c.set('token', found.token);
}

export function requireUser(store: SyncStore, options: { allowQuery?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = presentedToken(c, options.allowQuery);
    if (token === null) throw new ApiError('unauthorized', 'Sign in: send `Authorization: Bearer <token>`.');
    authenticate(store, c, token);
    await next();
  };
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/**
 * The caller must be a member of `:space` with at least `min`. A non-member gets the same 404 whether or not the
 * space exists, so a token for one space learns nothing about another.
 */
export function requireRole(store: SyncStore, min: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const membership = store.membership(c.req.param('space') ?? '', c.get('user').id);
    if (!membership) throw new ApiError('not-found', 'No such space.');
    if (RANK[membership.role] < RANK[min]) {
      throw new ApiError('forbidden', `This needs the ${min} role in this space; you are ${membership.role}.`);
    }
    c.set('membership', membership);
    await next();
  };
}

import { Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireRole, requireUser, tokenExpired } from '../auth/middleware';
import type { Deps } from '../deps';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

/** An open stream as the access guard sees it. */
type Guarded = { recheck(): Promise<boolean>; expiresAt: number; close(): void };

/**
 * Ends streams whose access went away, within `checkMs`: a revocation, sign-out, removal or role change made through
 * the API closes its streams at once (`Pokes.closeToken`, `closeMember`); this catches the rest (the admin command
 * line, a token reaching its idle limit). Each tick costs one read of the store's access mark while nothing changed;
 * one timer for all streams, running only while some are open, and a tick never starts while the last one is still
 * waiting for the store. A stream is rechecked on its first tick (its `expiresAt` starts at 0): access may have
 * changed while the store was answering the request that opened it.
 */
function accessGuard({ store, now, streamCheckMs }: Deps) {
  const streams = new Set<Guarded>();
  let timer: NodeJS.Timeout | null = null;
  let ticking = false;
  let mark = '';
  const check = async (s: Guarded) => {
    let ok = false;
    try {
      ok = await s.recheck();
    } catch {
      ok = false;
    }
    if (!ok) s.close();
  };
  const tick = async () => {
    let all = false;
    try {
      const next = await store.authMark();
      all = next !== mark;
      mark = next;
    } catch {
      all = true; // the store is closing: every recheck below fails and ends its stream
    }
    const t = now();
    await Promise.all([...streams].filter((s) => all || t >= s.expiresAt).map(check));
  };
  return {
    add(s: Guarded): () => void {
      if (streams.size === 0) {
        mark = '';
        timer = setInterval(() => {
          if (ticking) return;
          ticking = true;
          void tick().finally(() => (ticking = false));
        }, streamCheckMs);
        timer.unref();
      }
      streams.add(s);
      return () => {
        streams.delete(s);
        if (streams.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

/**
 * `GET /v1/spaces/:space/events`: a server-sent-events stream of `poke` events (`{ serverSeq }`) telling clients to
 * pull, one on connect and one after each push to the space, with keep-alive comments in between. The token comes
 * in the `Authorization` header like everywhere else (clients read the stream with `fetch`); a `?token=` is refused
 * with `401 unauthorized`, since a URL ends up in proxy and browser logs. A stream ends within a second when its
 * token is revoked or expires, or its membership is removed or its role changed (the client reconnects and learns
 * where it stands).
 */
export function eventRoutes(deps: Deps) {
  const { store, pokes, keepAliveMs, now, tokenMaxIdleMs } = deps;
  const app = new Hono<AppEnv>();
  const guard = accessGuard(deps);

  const noTokenInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.query('token') !== undefined) {
      throw new ApiError(
        'unauthorized',
        'Send the token in the `Authorization: Bearer <token>` header: a token in the URL is refused, since URLs end up in logs.',
      );
    }
    await next();
  };

  app.get('/:space/events', noTokenInUrl, requireUser(store), requireRole(store, 'viewer'), (c) => {
    const space = c.get('membership').id;
    const userId = c.get('user').id;
    const tokenId = c.get('token').id;
    const role = c.get('membership').role;
    const expiry = (lastUsedAt: string) => Date.parse(lastUsedAt) + tokenMaxIdleMs + 1;
    /** Whether the stream may go on; refreshes when its token would expire (another request may have used it). */
    const stillAllowed = async () => {
      const token = (await store.listTokens(userId)).find((t) => t.id === tokenId);
      if (!token || token.revokedAt || tokenExpired(token, now(), tokenMaxIdleMs)) return false;
      guarded.expiresAt = expiry(token.lastUsedAt);
      return (await store.membership(space, userId))?.role === role;
    };
    const guarded: Guarded = { recheck: stillAllowed, expiresAt: 0, close: () => {} };

    return streamSSE(c, async (stream) => {
      // Listening before the space's seq is read, so a push meanwhile is not missed.
      let pending: number | null = null;
      let closed = false;
      let wake = () => {};
      const close = () => {
        closed = true;
        wake();
      };
      const unsubscribe = pokes.subscribe(space, {
        poke: (serverSeq) => {
          pending = Math.max(pending ?? 0, serverSeq);
          wake();
        },
        close,
        userId,
        tokenId,
      });
      guarded.close = close;
      const unguard = guard.add(guarded);
      stream.onAbort(() => {
        closed = true;
        wake();
      });
      try {
        const last = await store.lastSeq(space);
        pending = Math.max(pending ?? 0, last);
        await stream.writeSSE({ event: 'poke', data: JSON.stringify({ serverSeq: pending }), retry: 5000 });
        pending = null;
        while (!closed && !stream.aborted) {
          if (pending !== null) {
            const serverSeq: number = pending;
            pending = null;
            await stream.writeSSE({ event: 'poke', data: JSON.stringify({ serverSeq }) });
            continue;
          }
          const timedOut = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), keepAliveMs);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          if (!timedOut) continue;
          if (!(await stillAllowed())) break;
          await stream.write(': keep-alive\n\n');
        }
      } finally {
        unguard();
        unsubscribe();
      }
    });
  });

  return app;
}

import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireRole, requireUser } from '../auth/middleware';
import type { Deps } from '../deps';
import type { AppEnv } from '../env';

/**
 * `GET /v1/spaces/:space/events`: a server-sent-events stream of `poke` events (`{ serverSeq }`) telling clients to
 * pull, one on connect and one after each push to the space, with keep-alive comments in between. EventSource
 * cannot set headers, so the token may also come as `?token=`; the server never logs query strings. A stream ends
 * when its token is revoked or its membership removed (checked at each keep-alive).
 */
export function eventRoutes({ store, pokes, keepAliveMs }: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/:space/events', requireUser(store, { allowQuery: true }), requireRole(store, 'viewer'), (c) => {
    const space = c.get('membership').id;
    const userId = c.get('user').id;
    const tokenId = c.get('token').id;
    const stillAllowed = () =>
      !!store.membership(space, userId) && store.listTokens(userId).some((t) => t.id === tokenId && !t.revokedAt);

    return streamSSE(c, async (stream) => {
      let pending: number | null = store.lastSeq(space);
      let closed = false;
      let wake = () => {};
      const unsubscribe = pokes.subscribe(space, {
        poke: (serverSeq) => {
          pending = Math.max(pending ?? 0, serverSeq);
          wake();
        },
        close: () => {
          closed = true;
          wake();
        },
      });
      stream.onAbort(() => {
        closed = true;
        wake();
      });
      try {
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
          if (!stillAllowed()) break;
          await stream.write(': keep-alive\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return app;
}

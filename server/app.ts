import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';
import { authPolicy } from './auth/middleware';
import { resolveDeps, type AppDeps } from './deps';
import { extensionCors } from './edge/cors';
import { rateLimit } from './edge/rate-limit';
import type { AppEnv } from './env';
import { errorResponse, handleError, tooLarge } from './errors';
import { accountRoutes } from './routes/account';
import { auditRoutes } from './routes/audit';
import { blobRoutes, isBlobUpload } from './routes/blobs';
import { eventRoutes } from './routes/events';
import { ledgerRoutes, serverKeyRoutes } from './routes/ledger';
import { memberRoutes } from './routes/members';
import { spaceRoutes } from './routes/spaces';
import { syncRoutes } from './routes/sync';
import { tokenRoutes } from './routes/tokens';
import { isStoreUnavailable, STORE_UNAVAILABLE } from './store/unavailable';

/**
 * The Docket sync server as a Hono app, built from its dependencies so tests call `app.request()` against a real
 * store. Edge first (request id, CORS, secure headers, rate limit, body limit), then the routes under /v1.
 */
export function createApp(input: AppDeps) {
  const deps = resolveDeps(input);
  const { log } = deps;
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The path only, with codes masked: a query string may carry a token, an invite or device-code path a code.
    const path = c.req.path.replace(/\/(invites|device-codes)\/[^/]+\//, '/$1/…/');
    log.debug(
      `${c.get('requestId')} ${c.req.method} ${path} ${c.res.status} ${Math.round(performance.now() - started)} ms`,
    );
  });
  app.use('*', extensionCors(deps.corsOrigins));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      // CORP guards no-cors reads; the extension reads with CORS and every answer worth reading needs a token.
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  if (deps.rateLimit) app.use('*', rateLimit(deps.rateLimit, deps.now));
  const limitBody = bodyLimit({ maxSize: deps.bodyLimitBytes, onError: tooLarge });
  // Bodiless methods skip it: its `c.req.raw.body` check makes @hono/node-server build a full Request (with an
  // AbortController and a stream) for every GET, a fifth of a pull's cost under load. A blob upload has its own,
  // larger limit, checked as it streams in once the caller is known to be an editor (routes/blobs.ts).
  const unlimited = (method: string, path: string) =>
    method === 'GET' || method === 'HEAD' || isBlobUpload(method, path);
  app.use('*', (c, next) => (unlimited(c.req.method, c.req.path) ? next() : limitBody(c, next)));

  app.use('*', authPolicy({ now: deps.now, tokenMaxIdleMs: deps.tokenMaxIdleMs, seen: new Map() }));

  // One read of the store, so a proxy's health check takes a process whose database is unreachable out of rotation.
  app.get('/v1/health', async (c) => {
    const about = { protocol: PROTOCOL_VERSION, store: deps.store.kind };
    try {
      await deps.store.authMark();
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      return c.json({ ok: false, ...about, error: 'store-unavailable', message: STORE_UNAVAILABLE }, 503);
    }
    return c.json({ ok: true, ...about });
  });
  app.route('/v1', accountRoutes(deps));
  app.route('/v1', serverKeyRoutes(deps));
  app.route('/v1/tokens', tokenRoutes(deps));
  app.route('/v1/spaces', spaceRoutes(deps));
  app.route('/v1/spaces', syncRoutes(deps));
  app.route('/v1/spaces', eventRoutes(deps));
  app.route('/v1/spaces', auditRoutes(deps));
  app.route('/v1/spaces', memberRoutes(deps));
  app.route('/v1/spaces', blobRoutes(deps));
  app.route('/v1/spaces', ledgerRoutes(deps));

  app.notFound((c) => errorResponse(c, 'not-found', `No such route: ${c.req.method} ${c.req.path}.`));
  app.onError(handleError(log));
  return app;
}

export type App = ReturnType<typeof createApp>;

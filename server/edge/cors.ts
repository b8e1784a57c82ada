import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Extension pages and background workers: Chrome/Edge ids are 32 letters a–p, Firefox ids are UUIDs. */
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;
const EXPOSE = ['Retry-After', 'X-Request-Id'];

/** CORS for extension origins and the configured ones only; any other origin gets no Allow-Origin header. */
export function extensionCors(extra: string[]): MiddlewareHandler {
  const allow = (origin: string) => (EXTENSION_ORIGIN.test(origin) || extra.includes(origin) ? origin : null);
  const preflight = cors({
    origin: allow,
    allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: EXPOSE,
    maxAge: 600,
  });
  const exposed = EXPOSE.join(',');
  // Other requests get their headers on the final response, as hono/cors would, but only after the handler: hono/cors
  // touches `c.res` before it, which makes Hono copy the handler's response and @hono/node-server stream the copy.
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    const origin = allow(c.req.header('origin') ?? '');
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', exposed);
    headers.append('Vary', 'Origin');
  };
}

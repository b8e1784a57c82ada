import { cors } from 'hono/cors';

/** Extension pages and background workers: Chrome/Edge ids are 32 letters a–p, Firefox ids are UUIDs. */
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/** CORS for extension origins and the configured ones only; any other origin gets no Allow-Origin header. */
export function extensionCors(extra: string[]) {
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) || extra.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}

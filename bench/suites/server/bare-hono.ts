/**
 * The pull baseline: a bare Hono app on @hono/node-server that answers the pull path with a fixed JSON body (read
 * from the file given as the second argument), no auth, store or middleware. Run like the real server:
 * `node --import tsx bare-hono.ts <port> <body.json>`; prints a line once it listens.
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [port, bodyFile] = process.argv.slice(2);
const body = JSON.parse(readFileSync(bodyFile!, 'utf8')) as unknown;
const app = new Hono();
// c.json serialises on every request, as the real pull route does.
app.get('/v1/spaces/:space/pull', (c) => c.json(body));
const server = serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, (info) =>
  console.log(`bare hono on ${info.port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

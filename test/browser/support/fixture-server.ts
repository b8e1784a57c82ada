import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', pdf: 'application/pdf' };

/**
 * Serves test/fixtures on 127.0.0.1 at the given paths. `origin` names the host (`portal.acme-msp.test` unless told),
 * which the browser resolves to 127.0.0.1 (see launchDocket): a vendor's own name for hints to read. A route may
 * also serve bytes made by the test (an image).
 */
export async function serveFixtures(
  routes: Record<string, string | { body: Buffer; type: string }>,
  opts: { host?: string } = {},
): Promise<{ origin: string; close: () => Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const file = routes[path];
    if (typeof file === 'object') {
      res.writeHead(200, { 'content-type': file.type }).end(file.body);
      return;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = file.split('.').pop() ?? 'html';
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
    res.end(readFileSync(resolve('test/fixtures', file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? 'portal.acme-msp.test';
  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
    /** Every path asked for, in order: what a test checks the log never loaded. */
    requests,
  };
}

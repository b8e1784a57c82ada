/**
 * The sites the capture benchmark clips, served from memory: vendor pages and PDFs over HTTP at a `*.test` name,
 * and the Gmail conversation over HTTPS as mail.google.com (HSTS-preloaded, so plain HTTP would never load). The
 * browser maps both names to 127.0.0.1 (see RESOLVER_ARGS).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type RequestListener, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Route {
  type: string;
  body: string | Uint8Array;
}

export interface Site {
  origin: string;
  close: () => Promise<void>;
}

export const VENDOR_HOST = 'portal.acme-msp.test';
export const GMAIL_HOST = 'mail.google.com';

/**
 * Chromium keeps only the last --host-resolver-rules it is given, so this one repeats the `*.test` mapping that
 * launchDocket passes before it. The certificate is self-signed, hence --ignore-certificate-errors.
 */
export const RESOLVER_ARGS = [
  `--host-resolver-rules=MAP ${GMAIL_HOST} 127.0.0.1, MAP *.test 127.0.0.1`,
  '--ignore-certificate-errors',
];

function handler(routes: Map<string, Route>): RequestListener {
  return (req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  };
}

async function listen(server: Server, host: string, scheme: 'http' | 'https'): Promise<Site> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://${host}:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export function serveHttp(routes: Map<string, Route>): Promise<Site> {
  return listen(createHttp(handler(routes)), VENDOR_HOST, 'http');
}

/** A throwaway certificate for mail.google.com, made with openssl in `dir`. */
function selfSigned(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'gmail-key.pem');
  const cert = join(dir, 'gmail-cert.pem');
  execFileSync(
    '/usr/bin/openssl',
    // prettier-ignore
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', key, '-out', cert, '-subj', `/CN=${GMAIL_HOST}`, '-addext', `subjectAltName=DNS:${GMAIL_HOST}`],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export function serveGmail(routes: Map<string, Route>, dir: string): Promise<Site> {
  return listen(createHttps(selfSigned(dir), handler(routes)) as unknown as Server, GMAIL_HOST, 'https');
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach } from 'vitest';
import type { Harness } from './helpers';

/** Reads an event stream as text; `until` stops when `done(text)` holds, the stream ends, or `ms` pass. */
export function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const state = { text: '', ended: false };
  async function until(done: (text: string) => boolean, ms = 3000) {
    const deadline = Date.now() + ms;
    while (!state.ended && !done(state.text) && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deadline - Date.now())));
      const next = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (next === null) break;
      if (next.done) state.ended = true;
      else state.text += decoder.decode(next.value, { stream: true });
    }
    return state.text;
  }
  return { until, state, cancel: () => reader.cancel() };
}

export const pokes = (text: string) =>
  [...text.matchAll(/event: poke\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as { serverSeq: number });

const listening = new Map<Pick<Harness, 'app'>, { server: Server; base: string }>();

/** Closes the HTTP servers `openStream` started, after each test of the calling suite. */
export function servers() {
  afterEach(async () => {
    for (const { server } of listening.values()) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    listening.clear();
  });
}

/** Serves the harness's app over HTTP on a free port (once; `servers()` closes it) and gives its base URL. */
export async function serveHarness(h: Pick<Harness, 'app'>): Promise<string> {
  let entry = listening.get(h);
  if (!entry) {
    const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    entry = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    listening.set(h, entry);
  }
  return entry.base;
}

/** Serves the harness's app over HTTP (once) and opens its events stream for `space` with `token` in the header. */
export async function openStream(h: Harness, space: string, token: string) {
  const base = await serveHarness(h);
  const res = await fetch(`${base}/v1/spaces/${space}/events`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`stream refused: ${res.status} ${await res.text()}`);
  return sseReader(res);
}

import { describe, expect, it } from 'vitest';
import { listenForPokes, sseParser } from '../../../extension/ui/sync/event-stream';
import { change, harness, pushBody } from '../server/helpers';
import { serveHarness, servers } from '../server/streams';

const waitFor = async (ok: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reading server-sent events from pieces of text', () => {
  it('dispatches events whatever the cut, skips comments and events without data, reads retry', () => {
    const events: [string, string][] = [];
    const retries: number[] = [];
    const feed = sseParser(
      (type, data) => events.push([type, data]),
      (ms) => retries.push(ms),
    );
    for (const piece of ['ev', 'ent: poke\nda', 'ta: {"serverSeq":1}\nretry: 5000\n', '\n: keep-alive\n\n'])
      feed(piece);
    feed('event: poke\r');
    feed('\ndata: {"serverSeq":2}\r\n\r\n');
    feed('data: one\rdata:two\r\rretry: soon\nevent: nothing\n\n');
    expect(events).toEqual([
      ['poke', '{"serverSeq":1}'],
      ['poke', '{"serverSeq":2}'],
      ['message', 'one\ntwo'],
    ]);
    expect(retries).toEqual([5000]);
  });
});

describe('listening to a space with fetch', () => {
  servers();

  async function team() {
    const h = harness({ keepAliveMs: 60_000 });
    const owner = await h.setUp('Dana');
    const space = await h.createSpace(owner);
    const editor = await h.join(owner, space, 'editor', 'Sam');
    const base = await serveHarness(h);
    return { h, owner, space, editor, url: `${base}/v1/spaces/${space}/events` };
  }

  it('sends the token in the header, hears each poke, the drop of a removed member and one refusal', async () => {
    const { h, owner, space, editor, url } = await team();
    let changes = 0;
    const stop = listenForPokes(url, editor, () => (changes += 1), { retryMs: 30, reopenMs: 30 });
    await waitFor(() => changes === 1 && h.pokes.listening === 1); // the poke on connect
    expect((await h.push(owner, space, pushBody([change()]))).status).toBe(200);
    await waitFor(() => changes === 2);

    const samId = (await h.store.listUsers()).find((u) => u.name === 'Sam')!.id;
    await h.call('DELETE', `/v1/spaces/${space}/members/${samId}`, { token: owner });
    await waitFor(() => changes === 4); // the drop, then the refused reopen
    await sleep(200); // refused again and again: no more nudges
    expect(changes).toBe(4);
    expect(h.pokes.listening).toBe(0);
    stop();
  });

  it('reopens a stream the server ended, and stops for good when told', async () => {
    const { h, owner, url } = await team();
    let changes = 0;
    const stop = listenForPokes(url, owner, () => (changes += 1), { retryMs: 30 });
    await waitFor(() => changes === 1 && h.pokes.listening === 1);
    h.pokes.closeAll(); // as on a server restart
    await waitFor(() => changes === 3 && h.pokes.listening === 1); // the drop, then the poke of the new stream
    stop();
    await waitFor(() => h.pokes.listening === 0);
    await sleep(100);
    expect(changes).toBe(3);
  });

  it('takes a stream silent for too long as dropped, and does not nudge on each failed retry', async () => {
    const opened: AbortSignal[] = [];
    let reachable = true;
    const fakeFetch = (_url: string, init?: RequestInit) => {
      opened.push(init!.signal!);
      expect(new Headers(init!.headers).get('authorization')).toBe('Bearer secret');
      if (!reachable) return Promise.reject(new TypeError('fetch failed'));
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('retry: 5000\nevent: poke\ndata: {"serverSeq":3}\n\n'));
        },
      });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    };
    let changes = 0;
    const stop = listenForPokes(
      'http://docket.test/v1/spaces/s/events',
      'secret',
      () => (changes += 1),
      { retryMs: 20, reopenMs: 20, silentMs: 80 },
      fakeFetch,
    );
    await waitFor(() => changes === 1);
    reachable = false;
    await waitFor(() => changes === 2 && opened.length >= 4, 2000); // the silent drop, then failed retries
    expect(opened[0]!.aborted).toBe(true);
    expect(changes).toBe(2);
    reachable = true;
    await waitFor(() => changes === 3); // back: the poke on connect
    stop();
    expect(opened.at(-1)!.aborted).toBe(true);
  });
});

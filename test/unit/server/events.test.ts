import { describe, expect, it } from 'vitest';
import { change, harness, pushBody } from './helpers';
import { pokes, serveHarness, servers, sseReader } from './streams';

describe('events stream', () => {
  servers();
  const listen = serveHarness;

  it('pokes on connect and after each push to the space, authenticated by the Authorization header', async () => {
    const h = harness({ keepAliveMs: 50 });
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const base = await listen(h);

    const res = await fetch(`${base}/v1/spaces/${space}/events`, { headers: { authorization: `Bearer ${owner}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = sseReader(res);
    expect(pokes(await stream.until((t) => pokes(t).length >= 1))).toEqual([{ serverSeq: 0 }]);

    const ack = await fetch(`${base}/v1/spaces/${space}/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
      body: JSON.stringify(pushBody([change(), change({ id: 'item-2' })])),
    }).then((r) => r.json());
    expect(ack.serverSeq).toBe(2);

    const text = await stream.until((t) => pokes(t).length === 2 && t.includes(': keep-alive'));
    await stream.cancel();
    expect(pokes(text)).toEqual([{ serverSeq: 0 }, { serverSeq: 2 }]);
    expect(text).toContain(': keep-alive');
    // A client that goes away is forgotten.
    for (let i = 0; i < 100 && h.pokes.listening > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(h.pokes.listening).toBe(0);
  });

  it('refuses a stream without a token, or for a space the token cannot see', async () => {
    const h = harness();
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const other = await h.join(owner, await h.createSpace(owner, 'Beta'), 'viewer');
    const base = await listen(h);
    expect((await fetch(`${base}/v1/spaces/${space}/events`)).status).toBe(401);
    const foreign = await fetch(`${base}/v1/spaces/${space}/events`, { headers: { authorization: `Bearer ${other}` } });
    expect(foreign.status).toBe(404);
  });

  it('refuses a token in the URL, even with a good header, and says to send the header', async () => {
    const h = harness();
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const base = await listen(h);
    for (const headers of [{}, { authorization: `Bearer ${owner}` }] as Record<string, string>[]) {
      const res = await fetch(`${base}/v1/spaces/${space}/events?token=${owner}`, { headers });
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body).toEqual({ error: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') });
      expect(body.message).toMatch(/token in the URL is refused/);
    }
    expect(h.pokes.listening).toBe(0);
  });

  it('ends the stream once its token is revoked, and on shutdown', async () => {
    const h = harness({ keepAliveMs: 30 });
    const owner = await h.setUp();
    const space = await h.createSpace(owner);
    const viewer = await h.join(owner, space, 'viewer');
    const base = await listen(h);

    const revoked = sseReader(
      await fetch(`${base}/v1/spaces/${space}/events`, { headers: { authorization: `Bearer ${viewer}` } }),
    );
    const open = sseReader(
      await fetch(`${base}/v1/spaces/${space}/events`, { headers: { authorization: `Bearer ${owner}` } }),
    );
    await revoked.until((t) => pokes(t).length > 0);
    await open.until((t) => pokes(t).length > 0);
    expect(h.pokes.listening).toBe(2);
    const viewerId = (await h.store.listUsers()).find((u) => u.name.startsWith('Pat'))!.id;
    await h.store.revokeToken((await h.store.listTokens(viewerId))[0]!.id, new Date().toISOString());
    await revoked.until(() => false, 2000);
    expect(revoked.state.ended).toBe(true);
    expect(h.pokes.listening).toBe(1);

    h.pokes.closeAll();
    await open.until(() => false, 2000);
    expect(open.state.ended).toBe(true);
    expect(h.pokes.listening).toBe(0);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { blobPath, blobsMissingPath, MAX_BLOB_BYTES } from '../../../shared/sync/blobs';
import { harness } from './helpers';

/*
 * Captures' attachments on the server (shared/sync/blobs.ts, server/routes/blobs.ts): content-addressed blobs of a
 * space, uploaded raw, checked against their hash, type and limits, and readable only through their own space.
 */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const image = (size: number) => {
  const bytes = randomBytes(size);
  bytes.set(PNG_SIGNATURE.slice(0, size));
  return new Uint8Array(bytes);
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function world(overrides: Parameters<typeof harness>[0] = {}) {
  const h = harness(overrides);
  const owner = await h.setUp();
  const space = await h.createSpace(owner);
  const other = await h.createSpace(owner, 'Beta Logistics');
  const editor = await h.join(owner, space, 'editor', 'Sam');
  const viewer = await h.join(owner, space, 'viewer', 'Vic');
  const outsider = await h.join(owner, other, 'owner', 'Olga');

  const put = async (
    token: string,
    bytes: Uint8Array | ReadableStream<Uint8Array>,
    hash: string,
    headers: Record<string, string> = { 'content-type': 'image/png' },
    into = space,
  ) => {
    const stream = bytes instanceof ReadableStream;
    const res = await h.app.request(blobPath(into, hash), {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: bytes as BodyInit,
      ...(stream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const get = (token: string, hash: string, from = space) =>
    h.app.request(blobPath(from, hash), { headers: { authorization: `Bearer ${token}` } });
  const missing = (token: string, hashes: unknown, from = space) =>
    h.call('POST', blobsMissingPath(from), { token, body: { sha256: hashes } });
  return { h, owner, editor, viewer, outsider, space, other, put, get, missing };
}

describe('blobs: upload and download', () => {
  it('stores an image under its SHA-256 and gives back the same bytes, as a download that is cached for good', async () => {
    const w = await world();
    const bytes = image(70_000);
    const hash = sha(bytes);
    const up = await w.put(w.editor, bytes, hash);
    expect(up).toEqual({ status: 201, json: { sha256: hash, size: 70_000, type: 'image/png' } });

    const res = await w.get(w.viewer, hash);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': '70000',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'attachment',
      'content-security-policy': expect.stringContaining("default-src 'none'"),
    });
    expect(await w.h.store.blobUsage(w.space)).toEqual({ blobs: 1, bytes: 70_000 });
  });

  it('takes the same blob again as a no-op: 200, stored once, with the type it was first sent as', async () => {
    const w = await world();
    const bytes = image(1000);
    const hash = sha(bytes);
    expect((await w.put(w.owner, bytes, hash, { 'content-type': 'image/webp' })).status).toBe(201);
    const counts = await w.h.store.counts();
    const again = await w.put(w.editor, bytes, hash, { 'content-type': 'image/png; charset=binary' });
    expect(again).toEqual({ status: 200, json: { sha256: hash, size: 1000, type: 'image/webp' } });
    expect(await w.h.store.counts()).toEqual(counts);
    expect(counts.blobs).toBe(1);
    expect((await w.get(w.owner, hash)).headers.get('content-type')).toBe('image/webp');
  });

  it('refuses bytes that do not hash to the name, a type that is not a raster image, a bad name or nothing', async () => {
    const w = await world();
    const bytes = image(500);
    const before = await w.h.store.counts();
    const wrong = await w.put(w.editor, bytes, sha(image(500)));
    expect(wrong).toMatchObject({ status: 400, json: { error: 'blob-hash-mismatch' } });
    expect(wrong.json.message).toContain(sha(bytes));
    for (const type of ['image/svg+xml', 'text/html', 'application/octet-stream', 'application/json']) {
      const res = await w.put(w.editor, bytes, sha(bytes), { 'content-type': type });
      expect({ type, ...res }).toMatchObject({ type, status: 415, json: { error: 'blob-type' } });
    }
    expect(await w.put(w.editor, bytes, sha(bytes), {})).toMatchObject({ status: 415, json: { error: 'blob-type' } });
    const upper = await w.put(w.editor, bytes, sha(bytes).toUpperCase());
    expect(upper).toMatchObject({ status: 400, json: { error: 'bad-request' } });
    const empty = new Uint8Array(0);
    expect(await w.put(w.editor, empty, sha(empty))).toMatchObject({ status: 400, json: { error: 'bad-request' } });
    expect(await w.h.store.counts()).toEqual(before);
  });
});

describe('blobs: size limits', () => {
  it('has its own limit, larger than the JSON body limit (5 MiB by default)', async () => {
    const w = await world({ bodyLimitBytes: 2048 });
    const bytes = image(MAX_BLOB_BYTES);
    expect((await w.put(w.editor, bytes, sha(bytes))).status).toBe(201);
    const over = image(MAX_BLOB_BYTES + 1);
    expect(await w.put(w.editor, over, sha(over))).toMatchObject({ status: 413, json: { error: 'blob-too-large' } });
    // The JSON routes keep theirs.
    const many = Array.from({ length: 40 }, (_, i) => sha(image(10 + i)));
    expect((await w.missing(w.editor, many)).json).toMatchObject({ error: 'too-large' });
  });

  it('refuses a body over the limit as it streams in, without reading it all (no Content-Length)', async () => {
    const w = await world({ maxBlobBytes: 100_000 });
    const chunk = image(16_384);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await w.put(w.editor, endless, sha(chunk));
    expect(res).toMatchObject({ status: 413, json: { error: 'blob-too-large' } });
    expect(res.json.message).toMatch(/--max-blob-bytes 100000/);
    expect(pulled).toBeLessThan(100_000 + 4 * chunk.byteLength);
    expect((await w.h.store.counts()).blobs).toBe(0);
  });

  it('does the same over real HTTP (@hono/node-server): answers 413 while the client is still sending', async () => {
    const w = await world({ maxBlobBytes: 100_000 });
    const server = serve({ fetch: w.h.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const chunk = new Uint8Array(65_536);
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          if (pulled > 200 * 1024 * 1024) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const res = await fetch(`http://127.0.0.1:${port}${blobPath(w.space, sha(chunk))}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${w.editor}`, 'content-type': 'image/png' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'blob-too-large' });
      // What the client had sent by then is what the sockets buffer, far from the 200 MB it meant to send.
      expect(pulled).toBeLessThan(32 * 1024 * 1024);
    } finally {
      server.close();
    }
  });

  it('refuses at once a body whose Content-Length is over the limit', async () => {
    const w = await world({ maxBlobBytes: 1000 });
    const bytes = image(1001);
    const res = await w.put(w.editor, bytes, sha(bytes), { 'content-type': 'image/gif', 'content-length': '1001' });
    expect(res).toMatchObject({ status: 413, json: { error: 'blob-too-large' } });
    const fits = image(1000);
    expect((await w.put(w.editor, fits, sha(fits), { 'content-type': 'image/gif' })).status).toBe(201);
  });

  it("keeps a space's blobs within --max-blob-bytes-per-space, space by space; a blob already there still answers", async () => {
    const w = await world({ maxBlobBytesPerSpace: 1000 });
    const [a, b, c] = [image(600), image(400), image(1)];
    expect((await w.put(w.editor, a, sha(a))).status).toBe(201);
    expect((await w.put(w.editor, b, sha(b))).status).toBe(201);
    const full = await w.put(w.editor, c, sha(c));
    expect(full).toMatchObject({ status: 413, json: { error: 'quota-exceeded' } });
    expect(full.json.message).toMatch(
      /take 1,000 bytes of its limit of 1,000 bytes \(--max-blob-bytes-per-space 1000\)/,
    );
    expect((await w.put(w.editor, a, sha(a))).status).toBe(200);
    expect(await w.h.store.blobUsage(w.space)).toEqual({ blobs: 2, bytes: 1000 });
    // Another space has its own room.
    expect((await w.put(w.owner, c, sha(c), undefined, w.other)).status).toBe(201);
  });
});

describe('blobs: who may read and write', () => {
  it('lets a viewer read but not upload or ask what is missing', async () => {
    const w = await world();
    const bytes = image(300);
    const denied = await w.put(w.viewer, bytes, sha(bytes));
    expect(denied).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    expect((await w.missing(w.viewer, [sha(bytes)])).status).toBe(403);
    expect((await w.h.store.counts()).blobs).toBe(0);
    await w.put(w.editor, bytes, sha(bytes));
    expect((await w.get(w.viewer, sha(bytes))).status).toBe(200);
  });

  it('answers a non-member exactly as for a space that does not exist, and a missing blob with 404', async () => {
    const w = await world();
    const bytes = image(300);
    await w.put(w.editor, bytes, sha(bytes));
    const asOutsider = await w.get(w.outsider, sha(bytes));
    const noSpace = await w.get(w.outsider, sha(bytes), 'no-such-space');
    expect(asOutsider.status).toBe(404);
    expect(await asOutsider.json()).toEqual(await noSpace.json());
    const upload = await w.put(w.outsider, bytes, sha(bytes));
    const uploadNowhere = await w.put(w.outsider, bytes, sha(bytes), undefined, 'no-such-space');
    expect(upload).toEqual(uploadNowhere);
    expect(upload).toMatchObject({ status: 404, json: { error: 'not-found' } });
    expect((await w.missing(w.outsider, [])).json).toEqual((await w.missing(w.outsider, [], 'no-such-space')).json);
    const absent = await w.get(w.owner, sha(image(300)));
    expect(absent.status).toBe(404);
    expect(await absent.json()).toMatchObject({ error: 'not-found', message: 'No such attachment in this space.' });
  });

  it('keeps a blob in its own space: the same hash is not readable through another space, even by the same person', async () => {
    const w = await world();
    const bytes = image(300);
    const hash = sha(bytes);
    await w.put(w.owner, bytes, hash);
    expect((await w.get(w.owner, hash, w.other)).status).toBe(404);
    expect((await w.missing(w.owner, [hash], w.other)).json).toEqual({ missing: [hash] });
    // Uploaded there too, it is a row of that space.
    expect((await w.put(w.owner, bytes, hash, undefined, w.other)).status).toBe(201);
    expect((await w.h.store.counts()).blobs).toBe(2);
  });
});

describe('blobs: what is missing', () => {
  it('lists the hashes the space lacks, once each, in the order asked', async () => {
    const w = await world();
    const [a, b, c] = [image(10), image(20), image(30)];
    await w.put(w.editor, b, sha(b));
    const res = await w.missing(w.editor, [sha(c), sha(b), sha(a), sha(c)]);
    expect(res).toMatchObject({ status: 200, json: { missing: [sha(c), sha(a)] } });
    expect((await w.missing(w.editor, [])).json).toEqual({ missing: [] });
  });

  it('refuses more than 1000 hashes, a bad hash or an unknown key', async () => {
    const w = await world();
    const many = Array.from({ length: 1001 }, (_, i) => sha(new Uint8Array([i % 256, i >> 8])));
    expect((await w.missing(w.editor, many)).json).toMatchObject({ error: 'bad-request' });
    expect((await w.missing(w.editor, ['abc'])).json).toMatchObject({ error: 'bad-request' });
    const extra = await w.h.call('POST', blobsMissingPath(w.space), { token: w.editor, body: { sha256: [], all: 1 } });
    expect(extra.json).toMatchObject({ error: 'unknown-field' });
    expect((await w.missing(w.editor, many.slice(0, 1000))).json.missing).toHaveLength(1000);
  });
});

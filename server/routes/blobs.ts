import { Hono } from 'hono';
import {
  blobTypeOf,
  BLOB_TYPES,
  MissingBlobsRequest,
  type MissingBlobsResponse,
  type PutBlobResponse,
  Sha256Hex,
} from '../../shared/sync/blobs';
import { requireRole, requireUser } from '../auth/middleware';
import { isoAt, type Deps } from '../deps';
import { readBlobBody } from '../edge/blob-body';
import { parseWith, readJson } from '../edge/json';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { formatBytes } from '../sync/quota';

const UPLOAD_PATH = /^\/v1\/spaces\/[^/]+\/blobs\/[^/]+$/;

/** An upload: the app-wide JSON body limit skips it, since it streams against its own limit (../edge/blob-body.ts). */
export const isBlobUpload = (method: string, path: string) => method === 'PUT' && UPLOAD_PATH.test(path);

/** A blob is read back as a download only: never rendered or sniffed where it is served, and cached for good. */
const DOWNLOAD_HEADERS = {
  'Cache-Control': 'private, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
  'Content-Disposition': 'attachment',
};

/** Captures' attachments: content-addressed blobs of a space, with the space's roles (shared/sync/blobs.ts). */
export function blobRoutes({ store, now, maxBlobBytes, maxBlobBytesPerSpace }: Deps) {
  const app = new Hono<AppEnv>();
  const signedIn = requireUser(store);

  app.post('/:space/blobs/missing', signedIn, requireRole(store, 'editor'), async (c) => {
    const asked = await readJson(c, MissingBlobsRequest);
    const body: MissingBlobsResponse = { missing: await store.missingBlobs(c.get('membership').id, asked.sha256) };
    return c.json(body);
  });

  app.put('/:space/blobs/:sha256', signedIn, requireRole(store, 'editor'), async (c) => {
    const sha256 = parseWith(Sha256Hex, c.req.param('sha256'));
    const type = blobTypeOf(c.req.header('content-type'));
    if (!type) {
      const sent = JSON.stringify(c.req.header('content-type') ?? 'no content type');
      throw new ApiError('blob-type', `Send an attachment as one of ${BLOB_TYPES.join(', ')}, not ${sent}.`);
    }
    const body = await readBlobBody(c, maxBlobBytes);
    if (body.bytes.byteLength === 0) throw new ApiError('bad-request', 'The attachment is empty.');
    if (body.sha256 !== sha256) {
      throw new ApiError('blob-hash-mismatch', `The bytes sent hash to ${body.sha256}, not ${sha256}: nothing stored.`);
    }
    const space = c.get('membership').id;
    const put = await store.putBlob(
      space,
      { sha256, type, bytes: body.bytes },
      c.get('user').id,
      isoAt(now()),
      maxBlobBytesPerSpace,
    );
    if (!put.ok) throw spaceFull(put.used, body.bytes.byteLength, maxBlobBytesPerSpace);
    const answer: PutBlobResponse = { sha256, size: put.blob.size, type: put.blob.type };
    return c.json(answer, put.created ? 201 : 200);
  });

  app.get('/:space/blobs/:sha256', signedIn, requireRole(store, 'viewer'), async (c) => {
    const sha256 = parseWith(Sha256Hex, c.req.param('sha256'));
    const blob = await store.getBlob(c.get('membership').id, sha256);
    if (!blob) throw new ApiError('not-found', 'No such attachment in this space.');
    return c.body(blob.bytes, 200, {
      ...DOWNLOAD_HEADERS,
      'Content-Type': blob.type,
      'Content-Length': String(blob.size),
    });
  });

  return app;
}

function spaceFull(used: number, size: number, limit: number) {
  return new ApiError(
    'quota-exceeded',
    `This space's attachments take ${formatBytes(used)} of its limit of ${formatBytes(limit)} ` +
      `(--max-blob-bytes-per-space ${limit}); this one (${formatBytes(size)}) does not fit. Nothing was stored; it ` +
      "can be sent again once there is room: ask the sync server's operator to raise the limit.",
  );
}

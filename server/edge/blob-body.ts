import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { ApiError } from '../errors';
import { formatBytes } from '../sync/quota';

const tooLarge = (max: number, what: string) =>
  new ApiError(
    'blob-too-large',
    `This attachment is ${what}; the server takes attachments of at most ${formatBytes(max)} ` +
      `(--max-blob-bytes ${max}). It stays on this device only.`,
  );

/**
 * An upload's raw bytes and their SHA-256, read as they stream in: a body over `maxBytes` is refused as soon as it
 * passes the limit (or at once, when its Content-Length says so), never buffered whole. The app-wide body limit does
 * not apply to uploads (server/app.ts): this is theirs.
 */
export async function readBlobBody(c: Context, maxBytes: number): Promise<{ bytes: Uint8Array; sha256: string }> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes, `${formatBytes(declared)}`);
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const body = c.req.raw.body;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes, `over ${formatBytes(maxBytes)}`);
      }
      hash.update(value);
      chunks.push(value);
    }
  }
  return { bytes: Buffer.concat(chunks, size), sha256: hash.digest('hex') };
}

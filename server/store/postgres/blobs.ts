import type postgres from 'postgres';
import type { BlobType } from '../../../shared/sync/blobs';
import type { BlobInfo, SyncStore } from '../types';

type InfoRow = { sha256: string; type: BlobType; size: string; created_at: string; created_by: string };

const toInfo = (r: InfoRow): BlobInfo => ({
  sha256: r.sha256,
  type: r.type,
  size: Number(r.size),
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** The advisory lock class of a space's uploads (its second key is the space id's hash): 'blob'. */
export const BLOB_LOCK = 0x626c6f62;

/**
 * A space's blobs in PostgreSQL (bytea). An upload takes the space's advisory lock first, in its transaction, so
 * uploads to one space from every process queue for the limit check and insert; pushes and reads never wait on it.
 */
export function blobsPart(sql: postgres.Sql): Pick<SyncStore, 'putBlob' | 'getBlob' | 'missingBlobs' | 'blobUsage'> {
  return {
    putBlob: (spaceId, blob, by, at, maxSpaceBytes) =>
      sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${BLOB_LOCK}, hashtext(${spaceId}))`;
        const [there] = await tx<InfoRow[]>`
          SELECT sha256, type, size, created_at, created_by FROM blobs
          WHERE space_id = ${spaceId} AND sha256 = ${blob.sha256}`;
        if (there) return { ok: true as const, created: false, blob: toInfo(there) };
        const size = blob.bytes.byteLength;
        const [row] = await tx<{ bytes: string }[]>`
          SELECT COALESCE(sum(size), 0) AS bytes FROM blobs WHERE space_id = ${spaceId}`;
        const used = Number(row!.bytes);
        if (maxSpaceBytes > 0 && used + size > maxSpaceBytes) return { ok: false as const, reason: 'space-full', used };
        const data = Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, size);
        await tx`
          INSERT INTO blobs (space_id, sha256, type, size, data, created_at, created_by)
          VALUES (${spaceId}, ${blob.sha256}, ${blob.type}, ${size}, ${data}, ${at}, ${by})`;
        const info: BlobInfo = { sha256: blob.sha256, type: blob.type, size, createdAt: at, createdBy: by };
        return { ok: true as const, created: true, blob: info };
      }),
    getBlob: async (spaceId, sha256) => {
      const [row] = await sql<(InfoRow & { data: Buffer })[]>`
        SELECT sha256, type, size, created_at, created_by, data FROM blobs
        WHERE space_id = ${spaceId} AND sha256 = ${sha256}`;
      return row ? { ...toInfo(row), bytes: new Uint8Array(row.data) } : null;
    },
    missingBlobs: async (spaceId, sha256s) => {
      const asked = [...new Set(sha256s)];
      if (asked.length === 0) return [];
      const rows = await sql<{ sha256: string }[]>`
        SELECT sha256 FROM blobs WHERE space_id = ${spaceId} AND sha256 = ANY(${asked}::text[])`;
      const have = new Set(rows.map((r) => r.sha256));
      return asked.filter((sha) => !have.has(sha));
    },
    blobUsage: async (spaceId) => {
      const [row] = await sql<{ blobs: number; bytes: string }[]>`
        SELECT count(*)::int AS blobs, COALESCE(sum(size), 0) AS bytes FROM blobs WHERE space_id = ${spaceId}`;
      return { blobs: row!.blobs, bytes: Number(row!.bytes) };
    },
  };
}

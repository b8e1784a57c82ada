import type Database from 'better-sqlite3';
import type { BlobType } from '../../../shared/sync/blobs';
import type { BlobInfo, BlobUsage, SyncStore } from '../types';
import type { Synchronous } from './promised';

type BlobPart = Synchronous<Pick<SyncStore, 'putBlob' | 'getBlob' | 'missingBlobs' | 'blobUsage'>>;
type InfoRow = { sha256: string; type: BlobType; size: number; created_at: string; created_by: string };

const toInfo = (r: InfoRow): BlobInfo => ({
  sha256: r.sha256,
  type: r.type,
  size: r.size,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/**
 * A space's blobs in SQLite. Each call is one synchronous statement or transaction on the store's one connection
 * (../sqlite.ts runs it through the gate), so the limit check and the insert cannot interleave with another upload.
 */
export function blobsPart(db: Database.Database): BlobPart {
  const info = 'sha256, type, size, created_at, created_by';
  const q = {
    info: db.prepare<[string, string], InfoRow>(`SELECT ${info} FROM blobs WHERE space_id = ? AND sha256 = ?`),
    get: db.prepare<[string, string], InfoRow & { data: Buffer }>(
      `SELECT ${info}, data FROM blobs WHERE space_id = ? AND sha256 = ?`,
    ),
    has: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM blobs WHERE space_id = ? AND sha256 = ?'),
    usage: db.prepare<[string], BlobUsage>(
      'SELECT COUNT(*) AS blobs, COALESCE(SUM(size), 0) AS bytes FROM blobs WHERE space_id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO blobs (space_id, sha256, type, size, data, created_at, created_by)
       VALUES (@spaceId, @sha256, @type, @size, @data, @at, @by)`,
    ),
  };
  const put = db.transaction<BlobPart['putBlob']>((spaceId, blob, by, at, maxSpaceBytes) => {
    const there = q.info.get(spaceId, blob.sha256);
    if (there) return { ok: true, created: false, blob: toInfo(there) };
    const size = blob.bytes.byteLength;
    const used = q.usage.get(spaceId)!.bytes;
    if (maxSpaceBytes > 0 && used + size > maxSpaceBytes) return { ok: false, reason: 'space-full', used };
    const data = Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, size);
    q.insert.run({ spaceId, sha256: blob.sha256, type: blob.type, size, data, at, by });
    return {
      ok: true,
      created: true,
      blob: { sha256: blob.sha256, type: blob.type, size, createdAt: at, createdBy: by },
    };
  });
  return {
    putBlob: (...args) => put.immediate(...args),
    getBlob: (spaceId, sha256) => {
      const row = q.get.get(spaceId, sha256);
      return row ? { ...toInfo(row), bytes: new Uint8Array(row.data) } : null;
    },
    missingBlobs: (spaceId, sha256s) => [...new Set(sha256s)].filter((sha) => !q.has.get(spaceId, sha)),
    blobUsage: (spaceId) => q.usage.get(spaceId)!,
  };
}

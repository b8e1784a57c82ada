import { z } from 'zod';

/**
 * Attachments of captures (images), synced beside the records as content-addressed blobs of a space: a capture
 * record names its images by SHA-256, and the bytes travel through these routes (docs/sync-protocol.md, "Blobs").
 * A blob belongs to one space: the same bytes in two spaces are two blobs, each readable only by that space's members.
 */

/** Raster images only: an SVG can carry script. */
export const BLOB_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const;
export const BlobType = z.enum(BLOB_TYPES);
export type BlobType = z.infer<typeof BlobType>;

/** The server's default per-blob limit (its operator may change it: `--max-blob-bytes`). */
export { MAX_BLOB_BYTES } from '../domain/image-limits';

/** A blob's name: the SHA-256 of its bytes, 64 lowercase hex digits. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');
export type Sha256Hex = z.infer<typeof Sha256Hex>;

/** Most hashes one `missing` request may ask about. */
export const MAX_MISSING_QUERY = 1000;

/** Where a blob of a space is uploaded (PUT, raw bytes) and downloaded (GET). */
export const blobPath = (spaceId: string, sha256: string) => `/v1/spaces/${spaceId}/blobs/${sha256}`;

/** `POST /v1/spaces/:space/blobs/missing`: which of these the server lacks, so a client uploads only those. */
export const blobsMissingPath = (spaceId: string) => `/v1/spaces/${spaceId}/blobs/missing`;

export const MissingBlobsRequest = z.object({ sha256: z.array(Sha256Hex).max(MAX_MISSING_QUERY) });
export type MissingBlobsRequest = z.infer<typeof MissingBlobsRequest>;
export const MissingBlobsResponse = z.object({ missing: z.array(Sha256Hex) });
export type MissingBlobsResponse = z.infer<typeof MissingBlobsResponse>;

/** The answer to an upload: `201` when stored now, `200` when the space already had it (its first type is kept). */
export const PutBlobResponse = z.object({ sha256: Sha256Hex, size: z.number().int().positive(), type: BlobType });
export type PutBlobResponse = z.infer<typeof PutBlobResponse>;

/** `image/png; charset=binary` → `image/png`; null when not one of BLOB_TYPES. */
export function blobTypeOf(contentType: string | null | undefined): BlobType | null {
  const parsed = BlobType.safeParse(contentType?.split(';')[0]?.trim().toLowerCase());
  return parsed.success ? parsed.data : null;
}

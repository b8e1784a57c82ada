import type { CaptureImage } from '../../shared/domain';
import { MAX_BLOB_BYTES } from '../../shared/domain/image-limits';
import { DEFAULT_MAX_IMAGE_BYTES } from '../capture/images/keep';
import type { DocketDB, StoredImage } from './db';

export function storedImage(meta: Pick<CaptureImage, 'sha256' | 'type'>, bytes: Uint8Array): StoredImage {
  return { sha256: meta.sha256, type: meta.type, size: bytes.length, bytes };
}

/** The local copies of these images, by SHA-256 (those not here yet, from a teammate's capture, are missing). */
export async function localImages(db: DocketDB, shas: string[]): Promise<Map<string, StoredImage>> {
  const rows = await db.images.bulkGet(shas);
  return new Map(rows.flatMap((row) => (row ? [[row.sha256, row] as const] : [])));
}

const MAX_IMAGE_SETTING = 'maxImageBytes';

/** The largest image a capture keeps (the user's setting; 2 MB unless changed). */
export async function maxImageBytes(db: DocketDB): Promise<number> {
  const value = (await db.settings.get(MAX_IMAGE_SETTING))?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_MAX_IMAGE_BYTES;
}

export async function setMaxImageBytes(db: DocketDB, bytes: number): Promise<void> {
  if (!Number.isFinite(bytes) || bytes < 1024 || bytes > MAX_BLOB_BYTES)
    throw new RangeError(`The image limit must be between 1 KB and ${MAX_BLOB_BYTES / 1024 / 1024} MB.`);
  await db.settings.put({ key: MAX_IMAGE_SETTING, value: Math.round(bytes) });
}

import { z } from 'zod';
import { BlobType, Sha256Hex } from '../sync/blobs';

export { MAX_IMAGES_PER_CAPTURE } from './image-limits';

/**
 * An image kept with a capture: its bytes live apart (the browser's `images` table, the server's blobs of the
 * space), named by their SHA-256, so the same logo in fifty captures is stored once. The capture's Markdown keeps
 * the image where it stood, by its original address; the log shows the local copy and never loads that address.
 */
export const CaptureImage = z.object({
  sha256: Sha256Hex,
  type: BlobType,
  size: z.number().int().positive(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  alt: z.string().max(1000).default(''),
  /** The address the page loaded it from, as the Markdown names it; null for a screenshot of the tab. */
  src: z.string().max(8000).nullable(),
  /** A screenshot of the visible part of the tab, taken when the user asked for one. */
  screenshot: z.boolean().default(false),
});
export type CaptureImage = z.infer<typeof CaptureImage>;

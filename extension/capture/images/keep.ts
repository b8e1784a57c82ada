import type { CaptureImage } from '../../../shared/domain';
import { sha256HexOfBytes } from '../../../shared/hash';
import { MAX_IMAGES_PER_CAPTURE } from '../../../shared/domain/image-limits';
import type { BlobType } from '../../../shared/sync/blobs';
import type { TabImage } from './in-tab';

/** An image to keep: what the capture records, and the bytes the `images` table stores. */
export interface KeptImage {
  meta: CaptureImage;
  bytes: Uint8Array;
}

export interface KeepLimits {
  /** Largest image kept, in bytes (the user's setting; 2 MB unless changed). */
  maxImageBytes: number;
  /** Smallest width and height worth keeping: below it an image is an icon, a spacer or a tracking pixel. */
  minSide?: number;
}

export const DEFAULT_MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MIN_SIDE = 24;

const IMAGE = /!\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^)\s]+)\)/g;

/** The images a capture's Markdown shows, each once, in order: [alt, address]. */
export function imagesOfMarkdown(markdown: string): Array<{ alt: string; src: string }> {
  const seen = new Map<string, string>();
  for (const [, alt = '', src = ''] of markdown.matchAll(IMAGE)) {
    if (!seen.has(src)) seen.set(src, alt.replace(/\\(.)/g, '$1'));
  }
  return [...seen].map(([src, alt]) => ({ src, alt }));
}

/** The type the bytes say they are (never the server's Content-Type): raster formats only. */
export function sniffImageType(b: Uint8Array): BlobType | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((v, k) => b[i + k] === v);
  const ascii = (i: number, s: string) => at(i, ...Array.from(s, (c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftypavif') || ascii(4, 'ftypavis')) return 'image/avif';
  return null;
}

function fromBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const mb = (n: number) =>
  n < 1024 * 1024
    ? `${Math.round(n / 1024)} KB`
    : `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
const some = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Turns what the tab read into images to keep and notices for the capture's warnings: tiny images and pixels are
 * dropped silently (they say nothing), the rest that could not be kept are counted, and the Markdown still links
 * to them. Identical bytes are kept once.
 */
export async function keepImages(
  wanted: Array<{ alt: string; src: string }>,
  read: TabImage[],
  limits: KeepLimits,
): Promise<{ images: KeptImage[]; warnings: string[] }> {
  const alts = new Map(wanted.map((w) => [w.src, w.alt]));
  const minSide = limits.minSide ?? MIN_SIDE;
  const images: KeptImage[] = [];
  const seen = new Set<string>();
  const left = { blocked: 0, large: 0, broken: 0, over: 0 };
  for (const one of read) {
    if (!one.ok) {
      if (one.reason === 'blocked') left.blocked++;
      else if (one.reason === 'too-large') left.large++;
      else left.broken++;
      continue;
    }
    if (one.width < minSide || one.height < minSide) continue;
    const bytes = fromBase64(one.base64);
    const type = sniffImageType(bytes);
    if (!type) {
      left.broken++; // an SVG or an unknown format: never stored, it could carry script
      continue;
    }
    if (bytes.length > limits.maxImageBytes) {
      left.large++;
      continue;
    }
    const sha256 = await sha256HexOfBytes(bytes);
    if (seen.has(sha256)) continue;
    if (images.length >= MAX_IMAGES_PER_CAPTURE) {
      left.over++;
      continue;
    }
    seen.add(sha256);
    const meta: CaptureImage = {
      sha256,
      type,
      size: bytes.length,
      width: one.width,
      height: one.height,
      alt: alts.get(one.src) ?? '',
      src: one.src,
      screenshot: false,
    };
    images.push({ meta, bytes });
  }
  const warnings: string[] = [];
  if (left.large)
    warnings.push(
      `${some(left.large, 'image')} over ${mb(limits.maxImageBytes)} not kept (the limit is under Client settings › Images); ` +
        'the evidence links to them.',
    );
  if (left.blocked)
    warnings.push(`${some(left.blocked, 'image')} from other sites could not be read; the evidence links to them.`);
  if (left.broken)
    warnings.push(`${some(left.broken, 'image')} could not be read as a picture (or is an SVG) and left out.`);
  if (left.over)
    warnings.push(`Only the first ${MAX_IMAGES_PER_CAPTURE} images were kept; ${left.over} more are linked.`);
  return { images, warnings };
}

import { browser } from 'wxt/browser';
import type { CaptureDraft } from '../../../shared/domain';
import { MAX_IMAGES_PER_CAPTURE } from '../../../shared/domain/image-limits';
import { type TabImage, readImagesInTab } from './in-tab';
import { imagesOfMarkdown, type KeepLimits, keepImages, type KeptImage } from './keep';

const PER_IMAGE_MS = 10_000;

/**
 * Reads the images the capture shows from the tab (the page's own fetch: what it could load, Docket can keep) and
 * keeps them. Never fails a capture: a tab that cannot be read leaves the images as links, with a notice.
 */
export async function imagesFromTab(
  tabId: number,
  draft: CaptureDraft,
  limits: KeepLimits,
): Promise<{ images: KeptImage[]; warnings: string[] }> {
  // Twice the cap: some will be pixels or duplicates.
  const wanted = imagesOfMarkdown(draft.markdown).slice(0, MAX_IMAGES_PER_CAPTURE * 2);
  if (wanted.length === 0) return { images: [], warnings: [] };
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: readImagesInTab,
      args: [wanted.map((w) => w.src), limits.maxImageBytes, PER_IMAGE_MS],
    });
    const read = (frame?.result ?? []) as TabImage[];
    return await keepImages(wanted, read, limits);
  } catch {
    return { images: [], warnings: ['The images on this page could not be read; the evidence links to them.'] };
  }
}

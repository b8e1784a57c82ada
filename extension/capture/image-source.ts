/**
 * The address an <img> really shows. Lazy-loading pages put a placeholder in `src` (a data: GIF, a blank, a
 * "spinner.gif") and the real image in `data-src`, `data-lazy-src`, `data-original`, a `srcset`/`data-srcset`, or
 * a <picture>'s <source>; a clip made before the reader scrolled would keep only the placeholder.
 */
const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src'];
const SRCSET_ATTRS = ['srcset', 'data-srcset', 'data-lazy-srcset'];
const PLACEHOLDER =
  /^data:|(?:^|\/)(?:blank|spacer|pixel|placeholder|lazy|loading|spinner|transparent)[\w-]*\.(?:gif|png|svg)(?:$|[?#])/i;

/** The largest candidate of a srcset (by its `w` or `x` descriptor; the first when none is given). */
export function largestOfSrcset(srcset: string | null): string | null {
  if (!srcset) return null;
  let best: { url: string; size: number } | null = null;
  // Candidates are split on commas followed by space; a URL may itself contain commas (CDN transforms).
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1) || 0;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url ?? null;
}

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER.test(src.trim());
}

/** The image's real address (unresolved, as written in the page), or null when it names none. */
export function imageSource(img: Element): string | null {
  const src = img.getAttribute('src');
  if (!isPlaceholder(src)) return src;
  for (const name of LAZY_ATTRS) {
    const value = img.getAttribute(name);
    if (!isPlaceholder(value)) return value;
  }
  for (const name of SRCSET_ATTRS) {
    const best = largestOfSrcset(img.getAttribute(name));
    if (!isPlaceholder(best)) return best;
  }
  const picture = img.parentElement?.nodeName === 'PICTURE' ? img.parentElement : null;
  for (const source of picture ? Array.from(picture.querySelectorAll('source')) : []) {
    const best = largestOfSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset'));
    if (!isPlaceholder(best)) return best;
  }
  return src?.trim() ? src : null;
}

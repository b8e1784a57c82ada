/**
 * Working copies of untrusted pages, and the single cleaning pass over them. Everything here acts on clones: the live
 * page is never touched (Readability and our own cleaning both mutate what they are given).
 */
import { CaptureError, safeUrl, toArray } from './text';

/** Elements with nothing to read, or that could run or load something. */
const DROP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'TEMPLATE', 'LINK',
  'META', 'BASE', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION', 'DATALIST', 'SVG', 'CANVAS', 'AUDIO', 'VIDEO',
  'SOURCE', 'TRACK', 'PORTAL', 'FENCEDFRAME', 'DIALOG', 'MATH',
]); // prettier-ignore

/**
 * Whole class tokens that mark advertising; matched exactly so `ad-hoc` or `upload` are left alone. Bare `ad`/`ads`
 * are not used: Gmail's obfuscated classes include `ads` (an expanded message).
 */
const AD_CLASS =
  /(?:^|\s)(?:ad-slot|ad-container|ad-banner|ad-leaderboard|ad-skyscraper|adsbygoogle|advert|advertisement|sponsored)(?:\s|$)/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * A deep copy of the document, made with the engine's own `cloneNode` so a page that replaced `document.cloneNode`
 * (or its other own properties) does not get a say. Scripts do not run and resources do not load in the copy.
 */
export function cloneDocument(doc: Document): Document {
  try {
    const NodeClass = doc.defaultView?.Node;
    const clone = NodeClass ? NodeClass.prototype.cloneNode.call(doc, true) : doc.cloneNode(true);
    if (!(clone as Document).documentElement) throw new Error('the page has no document element');
    return clone as Document;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CaptureError('unreadable-page', `Docket could not read this page (${detail}).`);
  }
}

/** The address relative links resolve against: the page URL, or its `<base href>` if that is a web address. */
export function effectiveBase(clone: Document, pageUrl: string): string {
  const base = clone.querySelector('base[href]')?.getAttribute('href');
  const resolved = base ? safeUrl(base, pageUrl) : null;
  return resolved && /^https?:/i.test(resolved) ? resolved : pageUrl;
}

/**
 * One pass over a cloned subtree: drops scripts, frames, form controls and hidden elements, event-handler
 * attributes and unsafe link targets. The Markdown converter enforces the same rules again, so this is defence in
 * depth, and it keeps Readability from scoring junk.
 */
export function cleanTree(root: Element | DocumentFragment): { cells: number } {
  let cells = 0; // counted here to spare the page extractor another walk over a large DOM
  for (const el of toArray(root.querySelectorAll('*'))) {
    const tag = el.tagName.toUpperCase();
    // Most elements of a large page carry no attribute at all: only their tag needs a look.
    if (!el.hasAttributes()) {
      if (DROP.has(tag)) el.remove();
      else if (tag === 'TD' || tag === 'TH') cells++;
      continue;
    }
    if (
      DROP.has(tag) ||
      el.hasAttribute('hidden') ||
      HIDDEN_STYLE.test(el.getAttribute('style') ?? '') ||
      AD_CLASS.test(el.getAttribute('class') ?? '')
    ) {
      el.remove();
      continue;
    }
    if (tag === 'TD' || tag === 'TH') cells++;
    const attrs = el.attributes;
    for (let i = attrs.length - 1; i >= 0; i--) {
      const name = attrs[i]!.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction' || name === 'data-saferedirecturl') {
        el.removeAttribute(attrs[i]!.name);
      }
    }
    if (tag === 'A' && el.hasAttribute('href') && safeUrl(el.getAttribute('href'), 'https://x.invalid/') === null) {
      el.removeAttribute('href');
    }
  }
  return { cells };
}

const CHROME =
  'nav, aside, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], ' +
  'header, footer, form';
const CHROME_NAMES =
  /(?:^|[\s_-])(comments?|share|sharing|social|advert\w*|ad-slot|cookie\w*|newsletter|promo|related|breadcrumbs?|sidebar|subscribe|popup|modal)(?:$|[\s_-])/i;

/**
 * For the full-page fallback: drop navigation, banners, footers, sidebars, comments and small forms. Headers and
 * footers inside the main region or an article stay (a quote page's header holds the quote number), and a form
 * that wraps real content (ASP.NET pages wrap the whole page in one) is kept; its controls are already gone.
 */
export function stripChrome(root: Element): void {
  for (const el of toArray(root.querySelectorAll(CHROME))) {
    const tag = el.tagName.toUpperCase();
    if ((tag === 'HEADER' || tag === 'FOOTER') && el.parentElement?.closest('main, article, [role=main]')) continue;
    if (tag === 'FORM' && (el.querySelector('table') || (el.textContent ?? '').length > 300)) continue;
    el.remove();
  }
  for (const el of toArray(root.querySelectorAll('[class], [id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME_NAMES.test(names) && !el.querySelector('table, h1')) el.remove();
  }
}

/** The page's main region: `main`, `[role=main]`, a lone `article`, else `body`. */
export function mainRegion(doc: Document): Element | null {
  const main = doc.querySelector('main, [role=main]');
  if (main) return main;
  const articles = doc.querySelectorAll('article');
  return articles.length === 1 ? articles[0]! : doc.body;
}

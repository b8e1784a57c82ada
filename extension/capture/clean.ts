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
  /(?:^|[\s_-])(comments?|share|sharing|social|advert\w*|ad-slot|cookie\w*|consent|newsletter|promo|related|breadcrumbs?|sidebar|subscribe|popup|modal)(?:$|[\s_-])/i;
/** A whole class token naming a site's header, footer or menu (div-soup sites name them instead of using tags). */
const LAYOUT_TOKEN =
  /^(?:site[-_]?)?(?:header|footer|nav|navbar|navigation|menu|main-menu|mega-menu|masthead|top-?bar)$/i;
/**
 * Names of the small extras around a text: author boxes, bylines, forum signatures and post buttons, "was this
 * helpful", tables of contents, pagers, tag lists. Only removed while small, so a content block that happens to
 * carry such a name is kept.
 */
const EXTRA_NAMES =
  /(?:^|[\s_-])(author|bio|byline|signature|avatar|postprofile|user-?info|user-?menu|account-?(?:links|menu)|actions|reactions|feedback|helpful|toc|table-of-contents|on-this-page|pagination|pager|tags|last-updated|edit-?link)(?:$|[\s_-])/i;
const EXTRA_MAX_CHARS = 340;
const COOKIE_TEXT = /\bcookies?\b/i;
const COOKIE_ACTION = /\b(?:accept|consent|agree|privacy|reject)\b/i;

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

const nonSpace = (text: string) => text.length - (text.match(/\s/g)?.length ?? 0);

interface Measure {
  /** Letters of text (no whitespace) in the element, and in its links. */
  chars: number;
  linkChars: number;
  links: number;
  /** The element or a descendant is a table or an h1 (content, never chrome), or an h2/h3. */
  table: boolean;
  sub: boolean;
}

/**
 * Text and link sizes of every element under `root`, in one bottom-up pass with an explicit stack: pages can nest
 * deeper than recursion allows, and asking each element for its textContent would be quadratic.
 */
function measureTree(root: Element): Map<Element, Measure> {
  const out = new Map<Element, Measure>();
  const stack: Array<[Element, boolean]> = [[root, false]];
  while (stack.length) {
    const [el, done] = stack.pop()!;
    if (!done) {
      stack.push([el, true]);
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, false]);
      continue;
    }
    const m: Measure = { chars: 0, linkChars: 0, links: 0, table: false, sub: false };
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) m.chars += nonSpace((node as Text).data);
      const c = node.nodeType === 1 ? out.get(node as Element) : undefined;
      if (!c) continue;
      m.chars += c.chars;
      m.linkChars += c.linkChars;
      m.links += c.links;
      m.table ||= c.table;
      m.sub ||= c.sub;
    }
    const tag = el.tagName;
    if (tag === 'A' || tag === 'a') [m.linkChars, m.links] = [m.chars, m.links + 1];
    m.table ||= tag === 'TABLE' || tag === 'H1' || tag === 'table' || tag === 'h1';
    m.sub ||= tag === 'H2' || tag === 'H3' || tag === 'h2' || tag === 'h3';
    out.set(el, m);
  }
  return out;
}

/** Whether a descendant (not the element itself) is a table or an h1. */
function holdsContent(el: Element, sizes: Map<Element, Measure>): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (sizes.get(c)?.table) return true;
  return false;
}

/** Removes the elements `drop` picks, top-down, never visiting what an ancestor's removal already took. */
function prune(root: Element, drop: (el: Element, inMain: boolean) => boolean): void {
  const stack: Array<[Element, boolean]> = [];
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) stack.push([c, false]);
  while (stack.length) {
    const [el, inMain] = stack.pop()!;
    if (drop(el, inMain)) {
      el.remove();
      continue;
    }
    const tag = el.tagName.toUpperCase();
    const main = inMain || tag === 'MAIN' || tag === 'ARTICLE' || el.getAttribute('role') === 'main';
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, main]);
  }
}

const insideMain = (el: Element) => !!el.parentElement?.closest('main, article, [role=main]');

/**
 * For the full-page fallback: drop navigation, banners, footers, sidebars, comments and small forms. Headers and
 * footers inside the main region or an article stay (a quote page's header holds the quote number), and a form
 * that wraps real content (ASP.NET pages wrap the whole page in one) is kept; its controls are already gone.
 */
export function stripChrome(root: Element): void {
  for (const el of toArray(root.querySelectorAll(CHROME))) {
    const tag = el.tagName.toUpperCase();
    if ((tag === 'HEADER' || tag === 'FOOTER') && insideMain(el)) continue;
    if (tag === 'FORM' && (el.querySelector('table') || (el.textContent ?? '').length > 300)) continue;
    el.remove();
  }
  dropBoilerplate(root, true);
  dropBeforeHeading(root);
}

const BLOCK = new Set(['DIV', 'SECTION', 'ASIDE', 'UL', 'OL', 'P', 'SPAN', 'DL', 'NAV', 'FOOTER', 'HEADER']);

/**
 * The boilerplate that also sits inside articles (and that Readability keeps): share bars, related links, newsletter
 * boxes, cookie notices, author boxes, "was this helpful", pagers, and blocks that are mostly links. With `layout`
 * (the full page), also the header, footer and menus that div-soup sites name by class instead of by tag.
 */
export function dropBoilerplate(root: Element, layout = false): void {
  const sizes = measureTree(root);
  prune(root, (el, inMain) => {
    const m = sizes.get(el);
    if (!m || holdsContent(el, sizes)) return false;
    const names = el.hasAttributes() ? classAndId(el) : '';
    if (names && CHROME_NAMES.test(names)) return true;
    const tag = el.tagName.toUpperCase();
    if (!BLOCK.has(tag)) return false;
    if (layout && names && !inMain && names.split(/\s+/).some((t) => LAYOUT_TOKEN.test(t))) return true;
    if (names && EXTRA_NAMES.test(names) && m.chars <= EXTRA_MAX_CHARS && !m.sub) return true;
    if (m.chars < 700 && !m.sub) {
      const text = el.textContent ?? '';
      if (COOKIE_TEXT.test(text) && COOKIE_ACTION.test(text)) return true;
    }
    // Menus, tag clouds, pagers, "see also" lists: three links or more and little text outside them.
    return tag !== 'P' && m.links >= 3 && m.chars > 0 && m.linkChars / m.chars > 0.7;
  });
}

/**
 * What comes before the page's own heading (the h1 or h2 its <title> or og:title names, not a logo link) is the
 * site's: banners, menus, account bars. Cut it, so unlabelled chrome above the content does not count as content.
 */
function dropBeforeHeading(root: Element): void {
  const doc = root.ownerDocument;
  const titles = [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '']
    .map((t) => t.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter(Boolean);
  if (titles.length === 0) return;
  let heading: Element | null = null;
  for (const h of toArray(root.querySelectorAll('h1, h2'))) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (text.length < 3 || h.querySelector('a') || !titles.some((t) => t.includes(text))) continue;
    if (!heading || (h.tagName === 'H1' && heading.tagName !== 'H1')) heading = h;
    if (heading.tagName === 'H1') break;
  }
  for (let node: Element | null = heading; node && node !== root; node = node.parentElement) {
    while (node.previousSibling) node.previousSibling.remove();
  }
}

const LAYOUT_BLOCKS = new Set(['DIV', 'P', 'UL', 'OL', 'H1', 'H2', 'H3', 'HEADER', 'NAV', 'FOOTER', 'SECTION', 'ARTICLE', 'ASIDE', 'MAIN', 'FORM']); // prettier-ignore

/** Whether some cell of the table holds a block of text (a div, a paragraph, a heading) rather than a value. */
function hasBlockCell(table: HTMLTableElement): boolean {
  for (const row of toArray(table.rows)) {
    for (const cell of toArray(row.cells)) {
      for (let c = cell.firstElementChild; c; c = c.nextElementSibling) {
        if (LAYOUT_BLOCKS.has(c.tagName.toUpperCase())) return true;
      }
    }
  }
  return false;
}

/**
 * Table cells that hold data, not layout: a layout table has a presentation role, nested tables, or no header
 * cells and blocks of text (divs, paragraphs, headings) in its cells.
 */
export function dataCells(root: Element): number {
  let cells = 0;
  for (const table of toArray(root.getElementsByTagName('table'))) {
    const role = table.getAttribute('role');
    if (role === 'presentation' || role === 'none' || table.getElementsByTagName('table').length > 0) continue;
    const th = table.getElementsByTagName('th').length;
    if (th === 0 && hasBlockCell(table as HTMLTableElement)) continue;
    cells += th + table.getElementsByTagName('td').length;
  }
  return cells;
}

/** The page's main region: `main`, `[role=main]`, a lone `article`, else `body`. */
export function mainRegion(doc: Document): Element | null {
  const main = doc.querySelector('main, [role=main]');
  if (main) return main;
  const articles = doc.querySelectorAll('article');
  return articles.length === 1 ? articles[0]! : doc.body;
}

/**
 * Whole-page capture: Readability's article when it finds one, else the page's main region without its chrome.
 * Pricing and quote pages are mostly tables, which Readability tends to drop, so a result that lost most of the
 * page's table cells or text falls back to the main region too.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { CaptureDraft } from '../../shared/domain';
import { readerTitle, siteNameInTitle } from '../../shared/hints/title';
import { boundedPage } from './bounded';
import { cleanTree, cloneDocument, dataCells, dropBoilerplate, effectiveBase, mainRegion, stripChrome } from './clean';
import { escapeInline } from './conversation';
import { finishDraft } from './draft';
import { htmlToMarkdown } from './markdown';
import { nestsDeeperThan, NOTHING_TO_READ, textPageDraft } from './page-text';
import { CaptureError } from './text';

export interface PageOptions {
  url: string;
  maxChars?: number;
}

const MIN_ARTICLE_CHARS = 200;

interface PageMeta {
  title: string | null;
  ogTitle: string | null;
  siteName: string | null;
  /** The page's own heading: the first <h1> of its main part, else of the page. */
  heading: string | null;
}

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/** The first <h1> that is not the site's logo (an h1 that is all link: "<h1><a href="/">Acme</a></h1>"). */
function pageHeading(doc: Document): Element | null {
  const all = Array.from(doc.querySelectorAll('h1'));
  const logo = (h: Element) => {
    const link = h.querySelector('a');
    return !!link && link.textContent?.trim() === h.textContent?.trim();
  };
  return all.find((h) => !logo(h)) ?? all[0] ?? null;
}

function readMeta(doc: Document): PageMeta {
  return {
    title: doc.querySelector('title')?.textContent?.trim() || null,
    ogTitle: metaContent(doc, 'meta[property="og:title"], meta[name="twitter:title"]'),
    siteName: metaContent(doc, 'meta[property="og:site_name"]'),
    heading:
      (doc.querySelector('main h1, article h1, [role="main"] h1') ?? pageHeading(doc))?.textContent?.trim() || null,
  };
}

function visibleLength(text: string | null | undefined): number {
  return text ? text.replace(/\s+/g, '').length : 0;
}

type Article = { content: Element; text: string; title: string | null };

function readArticle(clone: Document): Article | null {
  try {
    const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true }).parse();
    if (!parsed?.content) return null;
    return { content: parsed.content, text: parsed.textContent ?? '', title: parsed.title?.trim() || null };
  } catch {
    return null; // Readability can throw on odd DOMs; the full-page fallback handles those.
  }
}

const chars = (n: number) => n.toLocaleString('en-US');
/**
 * Readability and the chrome pass slow down much faster than the depth grows (2.6 s at 150 levels, 8.7 s at 300 in
 * jsdom); real pages stay far below this, so a page nested deeper is a broken or hostile one and is read as text.
 */
const MAX_DEPTH = 200;
const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * Every stage falls back to the next: the article, else the full page (both in `laidOutPage`), else the page's
 * plain text, with a warning saying which was used. Only a page that shows no text at all is refused.
 */
export function extractPage(live: Document, opts: PageOptions): CaptureDraft {
  try {
    if (live.body && nestsDeeperThan(live.body, MAX_DEPTH)) {
      const why = `This page nests its elements more than ${MAX_DEPTH} levels deep`;
      return textPageDraft(live, opts, `${why}: only its plain text was kept, without headings, links or tables.`);
    }
    return laidOutPage(live, opts);
  } catch (error) {
    const why =
      error instanceof CaptureError && error.message === NOTHING_TO_READ
        ? 'Neither the article nor the full page had any text'
        : `Docket could not lay out this page (${detailOf(error)})`;
    return textPageDraft(live, opts, `${why}: only its plain text was kept, without headings, links or tables.`);
  }
}

function laidOutPage(live: Document, opts: PageOptions): CaptureDraft {
  // Every pass below walks the whole DOM: a very large page is read as its head and tail only.
  const bounded = boundedPage(live);
  const doc = bounded?.doc ?? live;
  const clone = cloneDocument(doc);
  const meta = readMeta(clone);
  const baseUrl = effectiveBase(clone, opts.url);
  if (!clone.body) throw new CaptureError('unreadable-page', NOTHING_TO_READ);
  const { cells: pageCells } = cleanTree(clone.body);
  const region = mainRegion(clone) ?? clone.body;
  const regionText = visibleLength(region.textContent);
  // Only a hint: a page Readability itself would not call an article must keep more of the page to be trusted.
  const readerable = isProbablyReaderable(clone);
  const warnings: string[] = [];
  if (bounded)
    warnings.push(
      `This page is very large (${chars(bounded.total)} characters of text): Docket kept its beginning and its end ` +
        `and left out about ${chars(bounded.leftOut)} characters in the middle. The page itself has the full text.`,
    );

  // A page too large to read whole is a listing (a price list, an export), where Readability keeps the least.
  const article = bounded ? null : readArticle(clone);
  const articleText = visibleLength(article?.text);
  const keptCells = article ? dataCells(article.content) : 0;
  // What the full page keeps, built at most once: the fallback, and the yardstick for an article that the raw
  // page (menus, footers, layout tables and all) makes look short or table-poor.
  let stripped: Element | null = null;
  const strippedPage = (): Element => {
    if (stripped) return stripped;
    // Readability changed `clone`; start again from the untouched live page.
    const fresh = cloneDocument(doc);
    if (!fresh.body) throw new CaptureError('unreadable-page', NOTHING_TO_READ);
    cleanTree(fresh.body);
    stripped = mainRegion(fresh) ?? fresh.body;
    stripChrome(stripped);
    return stripped;
  };
  const keepsEnoughOf = (text: number, cells: number) =>
    articleText >= text * (readerable ? 0.2 : 0.5) && keptCells >= cells * 0.5;
  const trusted =
    article !== null &&
    articleText >= MIN_ARTICLE_CHARS &&
    (keepsEnoughOf(regionText, pageCells) ||
      keepsEnoughOf(visibleLength(strippedPage().textContent), dataCells(strippedPage())));

  const fullPage = (why: string): Element => {
    const content = strippedPage();
    if (!bounded && visibleLength(content.textContent) > 0) {
      warnings.push(`${why}; the full page was kept instead.`);
    }
    return content;
  };

  let markdown = '';
  let why = 'Article extraction found little of the page';
  if (trusted && article) {
    try {
      // Readability keeps share bars, author boxes, related links and the like when they sit inside the article.
      dropBoilerplate(article.content);
      markdown = htmlToMarkdown(article.content, { baseUrl });
    } catch (error) {
      why = `Article extraction failed (${detailOf(error)})`;
    }
  }
  if (!markdown.trim()) markdown = htmlToMarkdown(fullPage(why), { baseUrl });
  if (!markdown.trim()) throw new CaptureError('unreadable-page', NOTHING_TO_READ);
  // Readability cuts a title at its first hyphen when the rest is short ("Quote Q-88231 | Portal" → "88231 | Portal"):
  // the page's own <title> and heading are read instead, and Readability's only when the page has neither.
  const host = opts.url && /^https?:/i.test(opts.url) ? new URL(opts.url).hostname : null;
  const title =
    readerTitle({
      title: meta.title ?? meta.ogTitle,
      og: meta.ogTitle,
      heading: meta.heading,
      sites: [meta.siteName, host],
    }) ||
    article?.title ||
    meta.ogTitle;
  // Readability lifts the page's H1 out of the article; put it back so the Markdown stands on its own.
  if (title && !markdown.slice(0, 1000).includes(title)) markdown = `# ${escapeInline(title)}\n\n${markdown}`;
  return finishDraft({
    kind: 'page',
    url: opts.url,
    title,
    // Without og:site_name, the name the title gives the site ("… | Ironclad Data Protection") is the site's.
    site: meta.siteName ?? (meta.title && host ? siteNameInTitle(meta.title, host) : null),
    markdown,
    warnings,
    maxChars: opts.maxChars,
  });
}

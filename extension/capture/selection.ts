/**
 * Selection capture: the Markdown of what the user selected (every range), copied out of the page with
 * `Range.cloneContents` so the page is never touched. In Gmail or Outlook the open message's headers come along.
 */
import type { CaptureDraft, EmailHeaders } from '../../shared/domain';
import { cleanTree } from './clean';
import { finishDraft } from './draft';
import { gmailHeadersNear } from './gmail';
import { htmlToMarkdown } from './markdown';
import { outlookHeaders } from './outlook';
import { paragraphs, visibleText } from './page-text';
import { CaptureError, safeUrl } from './text';
import { webmailOf } from './webmail';

const EMPTY = 'Nothing is selected on this page. Select some text, or capture the whole page.';
/** Elements whose meaning a partial selection loses without them: a row needs its table, an item its list. */
const CONTEXT = 'table, pre, ol, ul';

function selectedRanges(doc: Document): Range[] {
  const selection = doc.getSelection();
  const ranges: Range[] = [];
  for (let i = 0; i < (selection?.rangeCount ?? 0); i++) {
    const range = selection!.getRangeAt(i);
    if (!range.collapsed) ranges.push(range);
  }
  return ranges;
}

/** The range's content in a detached wrapper, inside shallow copies of its table/list/pre ancestors. */
function copyOf(range: Range, doc: Document): Element {
  const wrapper = doc.createElement('div');
  const common = range.commonAncestorContainer;
  const start = common.nodeType === 1 ? (common as Element) : common.parentElement;
  const context = start?.closest(CONTEXT);
  let holder: Element = wrapper;
  if (start && context) {
    const chain: Element[] = [];
    for (let el: Element | null = start; el; el = el === context ? null : el.parentElement) chain.unshift(el);
    for (const el of chain) holder = holder.appendChild(el.cloneNode(false) as Element);
  }
  holder.appendChild(range.cloneContents());
  return wrapper;
}

function pageTitle(doc: Document): string | null {
  try {
    return doc.querySelector('title')?.textContent ?? null;
  } catch {
    return null;
  }
}

function baseOf(doc: Document, url: string): string {
  try {
    const base = safeUrl(doc.baseURI, url);
    return base && /^https?:/i.test(base) ? base : url;
  } catch {
    return url;
  }
}

function emailFor(doc: Document, url: string, range: Range): { email: EmailHeaders; notes: string[] } | null {
  const webmail = webmailOf(url);
  if (webmail === 'gmail') return gmailHeadersNear(doc, range.startContainer);
  if (webmail === 'outlook') return outlookHeaders(doc, url);
  return null;
}

/** The range as Markdown; if it cannot be laid out (too deep, an engine error), its plain text. */
function rangeMarkdown(range: Range, doc: Document, baseUrl: string, warnings: string[]): string {
  try {
    const copy = copyOf(range, doc);
    cleanTree(copy);
    return htmlToMarkdown(copy, { baseUrl });
  } catch {
    warnings.push('Part of the selection could not be laid out; its plain text was kept, without links or tables.');
    try {
      return visibleText(range.cloneContents());
    } catch {
      return paragraphs(range.toString());
    }
  }
}

export function extractSelection(doc: Document, opts: { url: string; maxChars?: number }): CaptureDraft {
  const ranges = selectedRanges(doc);
  const baseUrl = baseOf(doc, opts.url);
  const parts: string[] = [];
  const warnings: string[] = [];
  for (const range of ranges) {
    const markdown = rangeMarkdown(range, doc, baseUrl, warnings);
    if (!markdown.trim()) continue;
    parts.push(markdown);
  }
  if (parts.length === 0) throw new CaptureError('empty-selection', EMPTY);
  let found: ReturnType<typeof emailFor> = null;
  try {
    found = emailFor(doc, opts.url, ranges[0]!);
  } catch {
    warnings.push('The e-mail headers could not be read; only the selected text was kept.');
  }
  if (found) warnings.push(...found.notes);
  return finishDraft({
    kind: 'selection',
    url: opts.url,
    title: found?.email.subject || pageTitle(doc),
    markdown: parts.join('\n\n---\n\n'),
    email: found?.email ?? null,
    warnings,
    maxChars: opts.maxChars,
  });
}

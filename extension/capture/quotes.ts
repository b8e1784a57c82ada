/**
 * Removes quoted history from an e-mail body (a copy): Gmail's `gmail_quote` blocks and their "On … wrote:" line,
 * Apple Mail's `blockquote[type=cite]`, and Outlook's reply header (`divRplyFwdMsg`, `x_`-prefixed in Outlook on the
 * web, or an `<hr>` followed by "From:") together with everything after it.
 */
import { toArray } from './text';

/** Quote blocks removed on their own (text after them, as in an inline reply, stays). */
const QUOTE_BLOCKS =
  '[class*="gmail_quote"], blockquote[type="cite"], .yj6qo, .adL, .adM, .ajR, [class*="moz-cite-prefix"], ' +
  '[id$="mail-editor-reference-message-container"]';
/** Outlook reply headers: the header and everything after it is history. */
const CUT_MARKERS = '[id$="divRplyFwdMsg"], [id$="appendonsend"], [id$="OLK_SRC_BODY_SECTION"]';
const HEADER_LINE = /^\s*(from|de|von|van|da|från|fra|od|от|発信者|差出人|发件人)\s*:/i;
const ATTRIBUTION =
  /^\s*(on\b.{4,300}\bwrote|le\b.{4,300}\ba écrit|am\b.{4,300}\bschrieb|el\b.{4,300}\bescribió|op\b.{4,300}\bschreef)[^:]{0,200}:?\s*$/i;
const FORWARD =
  /^\s*(-{2,}\s*forwarded message|begin forwarded message|-{2,}\s*message transféré|-{2,}\s*weitergeleitete)/i;

/** Remove `el` and everything after it (in reading order) inside `root`. */
function cutFrom(el: Element, root: Element): void {
  let node: Element | null = el;
  while (node && node !== root) {
    while (node.nextSibling) node.nextSibling.remove();
    const parent: Element | null = node.parentElement;
    if (node === el) node.remove();
    node = parent;
  }
}

function removeAttributionBefore(quote: Element): void {
  let prev = quote.previousSibling;
  while (prev && prev.nodeType === 3 && !prev.textContent?.trim()) prev = prev.previousSibling;
  if (prev && ATTRIBUTION.test(prev.textContent ?? '') && (prev.textContent ?? '').length < 500) prev.remove();
}

function stripInPlace(body: Element): void {
  for (const quote of toArray(body.querySelectorAll(QUOTE_BLOCKS))) {
    if (!body.contains(quote)) continue;
    if (FORWARD.test(quote.textContent ?? '')) continue; // a forwarded message is the content, not history
    removeAttributionBefore(quote);
    quote.remove();
  }
  const marker = body.querySelector(CUT_MARKERS);
  if (marker) cutFrom(marker, body);
  for (const hr of toArray(body.querySelectorAll('hr'))) {
    if (!body.contains(hr)) continue;
    const next = hr.nextElementSibling;
    if (next && HEADER_LINE.test(next.textContent ?? '')) cutFrom(hr, body);
  }
  // Outlook desktop: a div with a top border whose text starts "From:".
  for (const div of toArray(body.querySelectorAll('div[style*="border-top"]'))) {
    if (body.contains(div) && HEADER_LINE.test(div.textContent ?? '')) cutFrom(div, body);
  }
}

/**
 * A copy of `body` without its quoted history. If that would leave (almost) nothing, as in a forward whose
 * content is all quoted, the full body is returned instead, with a note.
 */
export function withoutQuotedHistory(body: Element): { body: Element; note: string | null } {
  const copy = body.cloneNode(true) as Element;
  stripInPlace(copy);
  const left = (copy.textContent ?? '').replace(/\s+/g, '').length;
  const before = (body.textContent ?? '').replace(/\s+/g, '').length;
  if (left < 15 && before > left) {
    return { body: body.cloneNode(true) as Element, note: 'The message is mostly quoted text; the quote was kept.' };
  }
  return { body: copy, note: null };
}

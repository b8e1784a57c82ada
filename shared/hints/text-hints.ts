import type { CaptureDraft, DateHint, Hints, ItemKind } from '../domain';
import { findAmounts } from './amounts';
import { findDates } from './dates';
import { findPhrases } from './date-phrases';
import { domainOf, isGenericDomain } from './generic';
import { guessKind } from './kind';
import { cleanTitle } from './title';
import { pageHost } from './context-hints';

/** The hints read from the text alone: no client, no registry. Cheap to send across from the page. */
export type TextHints = Pick<Hints, 'amounts' | 'dates' | 'phrases' | 'kind' | 'kindWhy' | 'title'>;

/** Only the head of a huge page is read for amounts, dates and kind: the terms that matter come first. */
export const SCAN_LIMIT = 200_000;

/**
 * Sales taxes only Canada levies: a document that charges them is priced in Canadian dollars. GST alone is not one
 * (Australia, New Zealand and Singapore levy it too); with PST or QST beside it, it is.
 */
const CANADIAN_TAX = /(?<![\p{L}])(?:HST|PST|QST|TPS|TVQ|TVH)(?![\p{L}])/u;

/** A bare "$" from a Canadian/Australian/New Zealand vendor (or on a bill with Canadian taxes) is their dollar. */
function dollarOf(hosts: string[], text: string): string | undefined {
  if (CANADIAN_TAX.test(text)) return 'CAD';
  const tld = hosts
    .find((h) => !isGenericDomain(h))
    ?.split('.')
    .at(-1);
  return tld === 'ca' ? 'CAD' : tld === 'au' ? 'AUD' : tld === 'nz' ? 'NZD' : undefined;
}

/** The first SCAN_LIMIT characters, cut at a line or word end so no figure is read half-written. */
function head(markdown: string): string {
  if (markdown.length <= SCAN_LIMIT) return markdown;
  const line = markdown.lastIndexOf('\n', SCAN_LIMIT);
  const word = markdown.lastIndexOf(' ', SCAN_LIMIT);
  const cut = line > SCAN_LIMIT - 2_000 ? line : word > 0 ? word : SCAN_LIMIT;
  return markdown.slice(0, cut);
}

function titleOf(draft: CaptureDraft): string {
  const site = pageHost(draft);
  const candidates = [draft.email?.subject, draft.source.title, draft.file?.name, site];
  for (const c of candidates) {
    const t = c ? cleanTitle(c, site) : '';
    if (t) return t;
  }
  return '';
}

const IMAGE = /!\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)/g;

/**
 * An image reads as its alt text (a vendor's "Business $5 per seat" is evidence), without its Markdown around it,
 * so a hint never quotes `![…](https://…)`. Same length: offsets into the text still hold.
 */
function altTextOnly(markdown: string): string {
  return markdown.replace(IMAGE, (m, alt: string) => `  ${alt}`.padEnd(m.length));
}

/** Amounts, dates that matter, kind and a clean title, from the capture's title and text. */
export function textHints(draft: CaptureDraft, now: Date): TextHints {
  const title = titleOf(draft);
  const body = altTextOnly(head(draft.markdown));
  const text = `${title}\n\n${body}`;
  const kind = guessKind(body, title);
  const sender = draft.email?.from ? domainOf(draft.email.from.address) : null;
  const hosts = [sender, pageHost(draft)].filter((h): h is string => !!h);
  // An e-mail's sent day is the one day its "by Friday" can be counted from; a page has none, so none is guessed.
  const anchor = draft.email?.date ? new Date(draft.email.date) : null;
  // Emphasis marks glued to a figure ("_December 2, 2026_") hide its year from the date reader; same length, so
  // every offset still points into the text.
  const plain = text.replace(/[*_]+/g, (m) => ' '.repeat(m.length));
  const dates = validityOfQuote(findDates(plain, now, { anchor }), kind?.kind ?? null);
  return {
    amounts: findAmounts(text, { defaultCurrency: dollarOf(hosts, text) }),
    dates,
    phrases: findPhrases(
      body,
      dates.map((d) => d.text),
    ),
    kind: kind?.kind ?? null,
    kindWhy: kind?.why ?? null,
    title,
  };
}

/** On a quote or proposal, "Expires: Dec 31" is the offer's validity, not a contract's end. */
function validityOfQuote(dates: DateHint[], kind: ItemKind | null): DateHint[] {
  if ((kind !== 'quote' && kind !== 'proposal') || dates.some((d) => d.label === 'valid-until')) return dates;
  const ends = dates.filter((d) => d.label === 'term-end');
  if (ends.length !== 1 || !/^(?:\S+\s+)?expir/iu.test(ends[0]!.text)) return dates;
  return dates.map((d) => (d === ends[0] ? { ...d, label: 'valid-until' } : d));
}

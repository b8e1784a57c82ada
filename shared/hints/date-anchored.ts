import type { DateHint } from '../domain';

/**
 * "Notice of non-renewal must reach us 30 days before renewal": a notice deadline counted from a date the document
 * writes (its one renewal or expiry date), never from today. With no such date, or two different ones, nothing is
 * proposed: the phrase stays in the text for the vCIO to read.
 */

type Dated = DateHint & { index: number };

const L = '\\p{L}';
/** The event counted back from, and which label of a found date it names. */
const EVENTS: Array<[DateHint['label'], string]> = [
  ['renewal', 'renewal|renouvellement|reconduction'],
  ['term-end', "expiry|expiration|term end|end of (?:the )?term|échéance|fin du contrat|fin de l[’']entente"],
];
const BEFORE = new RegExp(
  `(?<![${L}\\d])(?<n>\\d{1,3})\\s*(?:calendar\\s+)?(?:days?|jours?)\\s+(?:before|prior to|ahead of|avant)\\s+` +
    `(?:the\\s+|your\\s+|its\\s+|le\\s+|la\\s+|l['’]\\s*)?(?:date\\s+(?:of|de)\\s+)?(?:la\\s+|l['’]\\s*)?` +
    `(?:(?<renewal>${EVENTS[0]![1]})|(?<expiry>${EVENTS[1]![1]}))(?![${L}])`,
  'giu',
);
/** Only a notice or cancellation counted back is a deadline: "we invoice 30 days before renewal" is not. */
const NOTICE = /notice|cancel|terminat|non-renew|préavis|résili|avis de non/iu;

const DAY = 86_400_000;

function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

export function anchoredNotices(text: string, found: readonly Dated[]): Dated[] {
  const out: Dated[] = [];
  for (const m of text.matchAll(BEFORE)) {
    const g = m.groups ?? {};
    const label = g.renewal ? 'renewal' : 'term-end';
    // The sentence up to the phrase must be about giving notice.
    const sentenceStart = Math.max(0, ...['. ', '.\n', '\n\n', '; '].map((s) => text.lastIndexOf(s, m.index) + 1));
    if (!NOTICE.test(text.slice(sentenceStart, m.index + m[0].length))) continue;
    const anchors = [...new Set(found.filter((d) => d.label === label).map((d) => d.date))];
    if (anchors.length !== 1) continue;
    const anchor = anchors[0]!;
    out.push({
      date: minusDays(anchor, Number(g.n)),
      label: 'notice',
      text: `${m[0].replace(/\s+/g, ' ')} (${anchor})`,
      index: m.index,
    });
    if (out.length >= 3) break;
  }
  return out;
}

/** "This quote is valid for 30 days", "offre valable 30 jours": counted from the quote's own date, when it has one. */
const VALID_FOR =
  /(?<![\p{L}])(?:valid|good|valable|valide)\s+(?:for\s+|pendant\s+|durant\s+)?(?<n>\d{1,3})\s*(?:calendar\s+)?(?:days?|jours?)(?![\p{L}])(?!\s+(?:of|after|from|suivant|après)\s+(?:signature|acceptance|l['’]acceptation|la signature|delivery|livraison))/giu;

export function anchoredValidity(text: string, found: readonly Dated[]): Dated[] {
  const anchors = [...new Set(found.filter((d) => d.label === 'quote-date').map((d) => d.date))];
  if (anchors.length !== 1 || found.some((d) => d.label === 'valid-until')) return [];
  const anchor = anchors[0]!;
  for (const m of text.matchAll(VALID_FOR)) {
    return [
      {
        date: minusDays(anchor, -Number(m.groups?.n)),
        label: 'valid-until',
        text: `${m[0].replace(/\s+/g, ' ')} (from ${anchor})`,
        index: m.index,
      },
    ];
  }
  return [];
}

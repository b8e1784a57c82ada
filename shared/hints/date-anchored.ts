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
  ['renewal', 'renewal(?:\\s+date)?|renouvellement|reconduction'],
  [
    'term-end',
    "expiry|expiration(?: date)?|term end|end date|end of (?:the |your )?(?:current |initial )?term|échéance|date de fin|fin du contrat|fin de l[’']entente|fin",
  ],
];
/** The day a change takes effect, counted back from: found among the dates with no role, by their words. */
const EFFECTIVE = 'effective(?:\\s+date)?|change|increase|entrée en vigueur|changement|hausse';
const EFFECTIVE_WORDS = /effective|take effect|begins|compter|vigueur|effet/iu;

const BEFORE = new RegExp(
  `(?<![${L}\\d])(?<n>\\d{1,3})\\s*(?:calendar\\s+)?(?:days?|jours?)\\s+(?:before|prior to|ahead of|avant)\\s+` +
    `(?:the\\s+|your\\s+|its\\s+|le\\s+|la\\s+|l['’]\\s*)?(?:date\\s+(?:of|de)\\s+)?(?:la\\s+|l['’]\\s*)?` +
    `(?:(?<renewal>${EVENTS[0]![1]})|(?<expiry>${EVENTS[1]![1]})|(?<effective>${EFFECTIVE}))(?![${L}])`,
  'giu',
);
/** Only a notice or cancellation counted back is a deadline: "we invoice 30 days before renewal" is not. */
const NOTICE =
  /notice|cancel|terminat|non-renew|préavis|résili|avis de non|non-reconduction|avis[ée]r|avisez|avis écrit|annul/iu;

const DAY = 86_400_000;

function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

export function anchoredNotices(text: string, found: readonly Dated[]): Dated[] {
  const out: Dated[] = [];
  for (const m of text.matchAll(BEFORE)) {
    const g = m.groups ?? {};
    const label = g.renewal ? 'renewal' : g.expiry ? 'term-end' : 'other';
    // The sentence up to the phrase must be about giving notice.
    const sentenceStart = Math.max(0, ...['. ', '.\n', '\n\n', '; '].map((s) => text.lastIndexOf(s, m.index) + 1));
    if (!NOTICE.test(text.slice(sentenceStart, m.index + m[0].length))) continue;
    const sentence = text.slice(sentenceStart, m.index + m[0].length);
    const events = found.filter((d) => d.label === label && (label !== 'other' || EFFECTIVE_WORDS.test(d.text)));
    // "… before the end of the current term (March 31, 2027)": the event's own date, written right after it.
    const written = RIGHT_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    const right = written ? dayOf(written[1]!.replace(/\s+/g, ' ')) : null;
    const anchors = right ? [right] : [...new Set(events.map((d) => d.date))];
    if (anchors.length !== 1) continue;
    const anchor = anchors[0]!;
    out.push({
      date: minusDays(anchor, Number(g.n)),
      // "Cancellations must be submitted 7 days before renewal" is a cancel-by; a notice to give is a notice.
      label: /cancel/iu.test(sentence) ? 'cancel-by' : 'notice',
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

/**
 * "Claims are due within 30 days of the incident", "dans les 30 jours suivant la panne": counted from the incident's
 * own day, the first whole date the notice writes. A notice that writes no date gets no deadline.
 */
const CLAIMS =
  /(?<![\p{L}\d])(?:within|dans les|d['’]ici)\s+(?<n>\d{1,3})\s*(?:calendar\s+)?(?:days?|jours?)\s+(?:of|after|following|from|suivant|après|de)\s+(?:the\s+|l['’]\s*|la\s+|le\s+)?(?:incident|outage|disruption|interruption|panne|événement)(?![\p{L}])/giu;
const CLAIM_WORDS = /claim|credit|request|réclam|crédit|demande/iu;
const WHOLE_DATE =
  /(?<![\p{L}\d])(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}(?:er)?\s+(?:janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)[\p{L}.]*\s+\d{4}|\d{4}-\d{2}-\d{2})/iu;
const RIGHT_AFTER = new RegExp(
  `^\\s*[(,]?\\s*(?:on\\s+|le\\s+)?(${WHOLE_DATE.source.replace('(?<![\\p{L}\\d])', '')})`,
  'iu',
);
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const MOIS = 'janv févr mars avr mai juin juil août sept oct nov déc'.split(' ');

function dayOf(written: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  if (iso) return written;
  const en = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/iu.exec(written);
  const fr = /^(\d{1,2})(?:er)?\s+([\p{L}]+)\.?\s+(\d{4})$/iu.exec(written);
  const month = en
    ? MONTHS.indexOf(en[1]!.slice(0, 3).toLowerCase())
    : fr
      ? MOIS.findIndex((m) => fr[2]!.toLowerCase().startsWith(m))
      : -1;
  const day = en ? Number(en[2]) : fr ? Number(fr[1]) : 0;
  const year = en?.[3] ?? fr?.[3];
  if (month < 0 || !year || day < 1 || day > 31) return null;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function anchoredClaims(text: string): Dated[] {
  for (const m of text.matchAll(CLAIMS)) {
    const sentenceStart = Math.max(0, ...['. ', '.\n', '\n\n', '; '].map((s) => text.lastIndexOf(s, m.index) + 1));
    if (!CLAIM_WORDS.test(text.slice(sentenceStart, m.index + m[0].length))) continue;
    const first = WHOLE_DATE.exec(text.slice(0, m.index));
    const day = first ? dayOf(first[0].replace(/\s+/g, ' ')) : null;
    if (!day) return [];
    return [
      {
        date: minusDays(day, -Number(m.groups?.n)),
        label: 'decide-by',
        text: `${m[0].replace(/\s+/g, ' ')} (${day})`,
        index: m.index,
      },
    ];
  }
  return [];
}

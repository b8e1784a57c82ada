/**
 * A webmail message's date, best source first: an instant the page states outright (a `datetime`, or a `data-*`
 * attribute holding epoch time or an ISO date with its zone), then the shown text with an offset written in it,
 * then the shown text read in the browser's zone — with a note, since the account's zone may differ.
 */
import { parseWebmailDate } from './webmail-date';
import { toArray } from './text';

export interface MessageDate {
  date: string | null;
  notes: string[];
}

const EPOCH = /^\d{10}(?:\d{3})?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);
// No zone is further than 14 h from UTC: a stated instant farther than that from the shown wall clock is not it.
const MAX_ZONE_MS = 14 * 3_600_000 + 60_000;

function instantOf(value: string): number | null {
  const v = value.trim();
  let ms: number | null = null;
  if (EPOCH.test(v)) ms = v.length === 10 ? +v * 1000 : +v;
  else if (ISO_WITH_ZONE.test(v)) ms = Date.parse(v);
  return ms !== null && Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS ? ms : null;
}

/** The first instant stated on `el` or inside it (date elements are small: a few nodes). */
export function statedInstant(el: Element | null): { ms: number; attr: string } | null {
  if (!el) return null;
  for (const node of [el, ...toArray(el.querySelectorAll('*')).slice(0, 50)]) {
    for (const a of toArray(node.attributes)) {
      if (a.name !== 'datetime' && !a.name.startsWith('data-')) continue;
      const ms = instantOf(a.value);
      if (ms !== null) return { ms, attr: a.name };
    }
  }
  return null;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The date of one message from its date element `el` and the text shown for it (a `title` or the visible text).
 * `label` prefixes notes ("Gmail", "Outlook").
 */
export function readMessageDate(el: Element | null, text: string | null, lang: string, label: string): MessageDate {
  const notes: string[] = [];
  const stated = statedInstant(el);
  if (stated) {
    // The shown text read as if in UTC is within 14 h of the real instant, whatever the account's zone.
    const asUtc = parseWebmailDate(text, lang, 'UTC').date;
    if (!asUtc || Math.abs(Date.parse(asUtc) - stated.ms) <= MAX_ZONE_MS)
      return { date: new Date(stated.ms).toISOString(), notes };
    notes.push(
      `${label}: the page's timestamp (${stated.attr}) disagrees with the date shown ("${text}"); it was not used.`,
    );
  }
  const parsed = parseWebmailDate(text, lang);
  if (parsed.note) notes.push(`${label}: ${parsed.note}`);
  if (parsed.date && parsed.zone === 'engine')
    notes.push(
      `${label}: the page gave no time zone for "${text}"; it was read in this browser's time zone (${browserTimeZone()}). Check it if the mail account uses another.`,
    );
  return { date: parsed.date, notes };
}

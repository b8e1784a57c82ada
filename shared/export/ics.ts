/**
 * The meeting as an iCalendar (RFC 5545) event, with the agenda as its description, so the vCIO can send it to
 * the client's calendar. Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character;
 * TEXT values are escaped (\\ ; , newline). Times are UTC ('Z'), so no VTIMEZONE block is needed.
 */
import type { Client, Meeting } from '../domain';

export type IcsInput = { client: Client; meeting: Meeting; agenda: string; now: Date; productId?: string };

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** '20261208T140000Z' */
export function icsUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT escaping (RFC 5545 §3.3.11). Control characters other than tab are not allowed in TEXT and are dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * Folds one content line (§3.1): at most 75 octets per physical line, continuations start with a space (which
 * counts). Splits only between code points, so a multi-byte character is never cut in two, and never inside a
 * TEXT escape such as `\n`: legal, but some calendar apps unfold badly around it.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line.match(/\\[\\;,nN]|[\s\S]/gu) ?? []) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Undoes folding: a CRLF followed by one space or tab joins the lines. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

export function agendaIcs(input: IcsInput): string {
  const { client, meeting, now } = input;
  const start = new Date(meeting.startsAt);
  const end = new Date(start.getTime() + client.meetingMinutes * 60_000);
  const title = meeting.title.trim();
  const summary = `${client.name} governance meeting${title ? ` — ${title}` : ''}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${input.productId ?? '-//Docket//Docket governance log//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(meeting.id)}@docket`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(start)}`,
    `DTEND:${icsUtc(end)}`,
    `LAST-MODIFIED:${icsUtc(new Date(meeting.updatedAt))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(input.agenda.trimEnd())}`,
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

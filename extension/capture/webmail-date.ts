/**
 * Turns the absolute dates webmail shows ("Tue, Nov 24, 2026, 10:08 AM", "Fri 4/10/2026 1:25 PM",
 * "ven. 10/04/2026 13:25") into an instant. The text is wall-clock time in the account's zone, which the text
 * rarely names: an offset written in it ("GMT-05:00", "UTC+2") wins, else the wall clock is read in `timeZone`
 * when the caller knows it, else in the zone of the engine running this (`zone: 'engine'` says so, so the caller
 * can warn). Never guesses silently: a relative date ("2 hours ago") gives null, and an ambiguous numeric date
 * (4/10/2026) is settled by the weekday when one is shown, else by the page language, with a note saying so.
 */
import { zonedToUtc } from '../../shared/rules/zoned-time';

export interface ParsedDate {
  /** UTC ISO-8601, or null when the text holds no usable absolute date. */
  date: string | null;
  /** Why the date is null or uncertain, for the capture's warnings. */
  note: string | null;
  /** How the wall clock became an instant: an offset in the text, the given zone, or the engine's own zone. */
  zone?: 'offset' | 'given' | 'engine';
}

const MONTHS: Record<string, number> = {};
const monthNames = [
  'jan january janv janvier januar ene enero',
  'feb february fev fevr février févr février februar',
  'mar march mars märz marz',
  'apr april avr avril abr',
  'may mai mayo',
  'jun june juin juni',
  'jul july juil juillet juli',
  'aug august aout août',
  'sep sept september septembre',
  'oct october octobre okt oktober',
  'nov november novembre',
  'dec december dec déc décembre dez dezember dic',
];
monthNames.forEach((names, index) => names.split(' ').forEach((n) => (MONTHS[n] = index)));

const WEEKDAYS: Record<string, number> = {};
const weekdayNames = [
  'sun sunday dim dimanche so sonntag',
  'mon monday lun lundi mo montag',
  'tue tues tuesday mar mardi di dienstag',
  'wed wednesday mer mercredi mi mittwoch',
  'thu thur thurs thursday jeu jeudi do donnerstag',
  'fri friday ven vendredi fr freitag',
  'sat saturday sam samedi sa samstag',
];
weekdayNames.forEach((names, index) => names.split(' ').forEach((n) => (WEEKDAYS[n] = index)));

const RELATIVE = /\b(ago|yesterday|today|hier|aujourd|il y a|gestern|heute|vor \d)/i;

interface Wall {
  year: number;
  month: number;
  day: number;
}

// "GMT-05:00", "UTC+2", "(UTC+05:30)", or a bare "UTC"/"GMT" after the time.
const OFFSET = /\(?\b(?:gmt|utc)\s*(?:([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?)?\)?(?![\w+\-])/i;

function offsetMinutes(m: RegExpExecArray): number | null {
  if (!m[1]) return 0;
  const minutes = +m[2]! * 60 + +(m[3] ?? 0);
  if (+m[2]! > 14 || +(m[3] ?? 0) > 59) return null;
  return m[1] === '+' ? minutes : -minutes;
}

export function parseWebmailDate(raw: string | null | undefined, pageLang = '', timeZone?: string): ParsedDate {
  const text = (raw ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
  if (!text) return { date: null, note: null };
  const offsetMatch = OFFSET.exec(text);
  const offset = offsetMatch ? offsetMinutes(offsetMatch) : null;
  // The offset's digits must not be read as the time or the date.
  const lower = (offsetMatch ? text.replace(offsetMatch[0], ' ') : text).toLowerCase();
  const time = readTime(lower);
  const weekday = readWeekday(lower);
  let wall: Wall | null = null;
  let note: string | null = null;

  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(lower);
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/.exec(lower);
  if (iso) {
    wall = { year: +iso[1]!, month: +iso[2]! - 1, day: +iso[3]! };
  } else if (numeric) {
    const settled = settleNumeric(+numeric[1]!, +numeric[2]!, fullYear(+numeric[3]!), weekday, pageLang);
    wall = settled.wall;
    if (settled.note) note = `Date "${text}": ${settled.note}`;
  } else {
    wall = readNamedMonth(lower);
  }

  if (!wall || !isRealDay(wall)) {
    const why = RELATIVE.test(lower)
      ? `only a relative date ("${text}") was shown`
      : `the date "${text}" could not be read`;
    return { date: null, note: `${why}; the date was left empty.` };
  }
  if (!time) note = note ?? `Date "${text}" has no time of day; midnight was assumed.`;
  const hour = time?.hour ?? 0;
  const minute = time?.minute ?? 0;
  if (offset !== null) {
    const utc = Date.UTC(wall.year, wall.month, wall.day, hour, minute) - offset * 60_000;
    return { date: new Date(utc).toISOString(), note, zone: 'offset' };
  }
  if (timeZone) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${wall.year}-${pad(wall.month + 1)}-${pad(wall.day)}`;
    return { date: zonedToUtc(day, `${pad(hour)}:${pad(minute)}`, timeZone).toISOString(), note, zone: 'given' };
  }
  const local = new Date(wall.year, wall.month, wall.day, hour, minute);
  return { date: local.toISOString(), note, zone: 'engine' };
}

function readTime(text: string): { hour: number; minute: number } | null {
  const m = /\b(\d{1,2})\s?(?::|h)\s?(\d{2})(?::\d{2})?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/.exec(text);
  if (!m) return null;
  let hour = +m[1]!;
  const minute = +m[2]!;
  const meridiem = m[3]?.[0];
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

function readWeekday(text: string): number | null {
  const first = /^([a-zéû]+)\.?,?\s/.exec(text);
  return first ? (WEEKDAYS[first[1]!] ?? null) : null;
}

function readNamedMonth(text: string): Wall | null {
  const words = text.replace(/[.,]/g, ' ').split(/\s+/);
  // 'mar' is March and also French for Tuesday: a leading weekday-looking word is a month only if no other is.
  const candidates = words.flatMap((w, i) => (MONTHS[w] !== undefined ? [i] : []));
  const monthAt = candidates.find((i) => i > 0 || WEEKDAYS[words[0]!] === undefined) ?? candidates[0] ?? -1;
  if (monthAt < 0) return null;
  const month = MONTHS[words[monthAt]!]!;
  const year = words.find((w) => /^\d{4}$/.test(w));
  const day = [words[monthAt + 1], words[monthAt - 1]].find(
    (w) => w !== undefined && /^\d{1,2}(er|st|nd|rd|th)?$/.test(w),
  );
  if (!year || !day) return null;
  return { year: +year, month, day: parseInt(day, 10) };
}

function settleNumeric(a: number, b: number, year: number, weekday: number | null, lang: string) {
  const monthFirst: Wall = { year, month: a - 1, day: b };
  const dayFirst: Wall = { year, month: b - 1, day: a };
  const okMonthFirst = isRealDay(monthFirst);
  const okDayFirst = isRealDay(dayFirst);
  if (okMonthFirst && !okDayFirst) return { wall: monthFirst, note: null };
  if (okDayFirst && !okMonthFirst) return { wall: dayFirst, note: null };
  if (!okDayFirst) return { wall: null, note: null };
  if (a === b) return { wall: dayFirst, note: null };
  if (weekday !== null) {
    const mfMatch = weekdayOf(monthFirst) === weekday;
    const dfMatch = weekdayOf(dayFirst) === weekday;
    if (mfMatch !== dfMatch) return { wall: mfMatch ? monthFirst : dayFirst, note: null };
  }
  const usStyle = /^en-(us|ph|ca)?$|^en$/i.test(lang.trim()) || lang.trim() === '';
  const chosen = usStyle ? monthFirst : dayFirst;
  const how = usStyle ? 'month/day' : 'day/month';
  return {
    wall: chosen,
    note: `ambiguous day/month order; read as ${how} (page language "${lang || 'unknown'}"). Check the date.`,
  };
}

function isRealDay(w: Wall): boolean {
  if (w.month < 0 || w.month > 11 || w.day < 1 || w.year < 1970 || w.year > 2200) return false;
  const d = new Date(Date.UTC(w.year, w.month, w.day));
  return d.getUTCMonth() === w.month && d.getUTCDate() === w.day;
}

function weekdayOf(w: Wall): number {
  return new Date(Date.UTC(w.year, w.month, w.day)).getUTCDay();
}

function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

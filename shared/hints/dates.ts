import * as chrono from 'chrono-node';
import type { DateHint } from '../domain';
import { type DateLabel, findTriggers, type Trigger } from './date-triggers';
import { anchoredClaims, anchoredNotices, anchoredValidity } from './date-anchored';
import { isWrittenDay } from './date-written';

/**
 * Dates that matter for a decision, read with chrono-node (English and French) only near trigger words
 * (renews, expires, valid until, respond by, préavis, échéance…). The trigger nearest the date labels it.
 * Work is bounded: chrono only ever sees short windows around triggers, so a huge page stays linear.
 */

const BEFORE = 50; // a date may precede its trigger ("March 1, 2027 renewal") …
const AFTER = 100; // … but usually follows it ("renews on March 1, 2027")
const MAX_DATES = 10;
const MAX_SEGMENTS = 200;
const LABEL_LINE = 60;

interface Segment {
  start: number;
  end: number;
  triggers: Trigger[];
}

interface Found extends DateHint {
  index: number;
  distance: number;
}

/** Windows around triggers, within their line; a label ending its line ("Renewal date:") reaches the next one. */
function segments(text: string, triggers: Trigger[]): Segment[] {
  const out: Segment[] = [];
  for (const t of triggers) {
    const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
    let lineEnd = text.indexOf('\n', t.end);
    if (lineEnd < 0) lineEnd = text.length;
    // A label on its own line ("Term ends", a <dt> or a table header, no colon) reaches the next line too.
    const label = lineEnd - lineStart <= LABEL_LINE && /^[\s*_|]*:?[\s:*_|\-–—]*$/.test(text.slice(t.end, lineEnd));
    if (/^[\s*_|]*:[\s:*_|\-–—]*$/.test(text.slice(t.end, lineEnd)) || label) {
      const next = /\S[^\n]*/.exec(text.slice(lineEnd, lineEnd + AFTER));
      if (next) lineEnd += next.index + next[0].length;
    }
    const start = Math.max(lineStart, t.start - BEFORE);
    const end = Math.min(lineEnd, t.end + AFTER);
    const last = out.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.triggers.push(t);
    } else {
      if (out.length >= MAX_SEGMENTS) break;
      out.push({ start, end, triggers: [t] });
    }
  }
  return out;
}

/** Crude but enough to pick day-month order for "03/04/2027": which language's little words dominate. */
function looksFrench(text: string): boolean {
  const head = text.slice(0, 20_000);
  const fr = head.match(
    /(?<![\p{L}])(?:le|la|les|des|du|au|aux|est|et|pour|votre|vos|nous|avec|une|jusqu)(?![\p{L}])/giu,
  );
  const en = head.match(/(?<![\p{L}])(?:the|and|is|your|you|for|with|we|of|to|by|on)(?![\p{L}])/giu);
  return (fr?.length ?? 0) > (en?.length ?? 0);
}

/** "60 days", "3 mois": a length of time, never a day on its own (relative readings are refused in date-written). */
const DURATION = /\d+\s*(?:business\s+)?(?:days?|jours?|weeks?|semaines?|months?|mois|years?|ans?|années?)/iu;

/** A calendar day the document writes down: not a bare time, not a month alone, not "within 7 days" of today. */
function usable(r: chrono.ParsedResult, now: Date, before: string, anchored: boolean): boolean {
  if (DURATION.test(r.text) || !isWrittenDay(r, before, anchored)) return false;
  const year = r.start.get('year') ?? 0;
  return year >= 1990 && year <= now.getFullYear() + 30;
}

/**
 * The document's own date, written right after its label ("Quote date:", "| Issued |", "Date :", "Start:"). It says
 * when the paper was written (or when a term starts), not when to decide: it is labelled so, whatever validity or
 * deadline sits beside it. A forwarded e-mail's "Sent:" line is neither.
 */
// A bare "Start:" (an incident's, an outage's) is read as no one's date: skipped like a "Sent:" line.
const OWN_DATE = new RegExp(
  // A bare "Date" only where a label starts ("Renewal effective date:" is the renewal's).
  '(?:(?<own>(?<![\\p{L}])(?:quote|quotation|invoice|issue|proposal|order|document|soumission|facture)\\s+date|(?:^|[|*_>•]\\s*)date|' +
    "(?<![\\p{L}])(?:issued(?:\\s+on)?|dated|date d['’](?:émission|envoi)|émise?\\s+le|daté(?:e)?\\s+du))|" +
    "(?<start>(?<![\\p{L}])(?:(?:term|contract|service|subscription|agreement)\\s+start(?:\\s+date)?|date de début|début (?:du contrat|de l[’']entente|du service|de l[’']abonnement)))|(?<bare>(?<![\\p{L}])(?:start|début))|(?<sent>(?<![\\p{L}])(?:sent|envoyé)))" +
    '[\\s:|*_\\-–—]*$',
  'iu',
);

/** An e-mail header block quoted in the body ("From: … Sent: … Subject:"): its dates are the message's, not the deal's. */
const HEADER_LINES = /^[\s>*_]*(?:from|de|to|à|subject|objet|cc|sent|envoyé)\s*:/imu;

/** The label the words right before a date give it, when they name the document's own date or its start. */
function ownLabel(text: string, before: string, trigger: Trigger, dateStart: number): DateLabel | 'skip' | null {
  const m = OWN_DATE.exec(before);
  if (!m) return null;
  // "Renewal date:", "Expiration date:": the trigger's "date" is the one read here, and the day is the trigger's.
  const labelStart = dateStart - before.length + m.index;
  const skip = m.groups?.sent ?? m.groups?.bare;
  if (trigger.start <= dateStart && trigger.end >= labelStart - 1 && !skip) return null;
  if (skip) return 'skip';
  if (m.groups?.start) return 'term-start';
  const around = text.slice(Math.max(0, dateStart - 200), dateStart + 200);
  return HEADER_LINES.test(around) && /^(?:[|*_>•]\s*)?date/iu.test(m[0].trimStart()) ? 'skip' : 'quote-date';
}

const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

/** Both languages' readings, the preferred language first; the other only fills spans left unread. */
function parse(s: string, reference: Date, french: boolean): chrono.ParsedResult[] {
  const parsers = french ? [chrono.fr.casual, chrono.en.casual] : [chrono.en.casual, chrono.fr.casual];
  const out: chrono.ParsedResult[] = [];
  for (const p of parsers) {
    for (const r of p.parse(s, reference, { forwardDate: true })) {
      const overlaps = out.some((o) => r.index < o.index + o.text.length && o.index < r.index + r.text.length);
      if (!overlaps) out.push(r);
    }
  }
  return out;
}

/**
 * How far a date is from a trigger; a date before its trigger counts double, and never across a sentence end
 * ("…by Friday. Any cancellation…" is not a cancellation date). Null when out of reach.
 */
function distance(text: string, t: Trigger, start: number, end: number, dates: readonly number[]): number | null {
  if (start >= t.end) {
    // Not across a sentence end ("due on acceptance; … the weekend of January 9"), and the first date after a
    // trigger is its own: "Sign by December 15 to keep the port date of January 18" signs by the 15th only.
    const gap = text.slice(t.end, start);
    if (start - t.end > AFTER || /[.;!?](?:\s|$)/.test(gap)) return null;
    // "le renouvellement de notre infrastructure, le forfait … sera retiré le 1er mars": another clause's date.
    if (gap.length > 40 && /,\s/.test(gap)) return null;
    return dates.some((d) => d >= t.end && d < start) ? null : start - t.end;
  }
  if (end <= t.start) {
    // Only an event's name follows its date ("March 1, 2027 renewal"); "Dec 2, 2026 — Notice posted" is no notice.
    if (!['renewal', 'term-end', 'term-start'].includes(t.label) || t.range) return null;
    // "… January 4, 2027, and the term would start on February 1": a verb's date follows it.
    if (/(?:on|le|du|by|until|au|à|of)$/iu.test(text.slice(t.start, t.end))) return null;
    if (t.start - end > BEFORE || /[.;!?](?:\s|$)/.test(text.slice(end, t.start))) return null;
    return (t.start - end) * 2 + 1;
  }
  return 0;
}

/**
 * "Termination notice must reach us before X", "préavis … au plus tard le X", "Notice of non-renewal due by X":
 * a bare connective or a plain deadline right after a notice phrase is the notice's date.
 */
/** "15 jours avant l'échéance, soit le 16 janvier": the day counted back from the event, not the event. */
const COUNTED_BACK =
  /\d{1,3}\s*(?:calendar\s+|business\s+)?(?:days?|jours?)\s+(?:before|prior to|avant)\s+(?:the\s+|l['’]\s*|la\s+|le\s+)?$/iu;
const THAT_IS = /^[\s,(]*(?:soit|i\.e\.|that is|namely|c['’]est-à-dire)(?:\s+(?:le|on|by))?\s*$/iu;

function labelling(text: string, t: Trigger, all: Trigger[], dateStart: number): Trigger {
  if (COUNTED_BACK.test(text.slice(Math.max(0, t.start - 50), t.start)) && THAT_IS.test(text.slice(t.end, dateStart))) {
    const sentence = text.slice(Math.max(0, t.start - 200), t.start);
    return { ...t, label: /cancel/iu.test(sentence) ? 'cancel-by' : 'notice' };
  }
  if (!t.weak && t.label !== 'decide-by') return t;
  // A bare connective reaches back further ("avis écrit … 60 jours avant la fin du contrat, soit au plus tard le");
  // a deadline of its own ("répondre d'ici le") only within the same clause.
  const reach = t.weak ? 100 : 60;
  const notice = all.findLast((o) => o.label === 'notice' && o.end <= t.start && t.start - o.end <= reach);
  const stops = t.weak ? /[.;!?\n]/ : /[.;!?\n),]/;
  return notice && !stops.test(text.slice(notice.end, t.start)) ? notice : t;
}

/** A date read twice keeps the reading nearest its trigger, at its first place in the text. */
function keep(best: Map<string, Found>, found: Found): void {
  const prev = best.get(found.date);
  if (!prev || found.distance < prev.distance)
    best.set(found.date, { ...found, index: Math.min(found.index, prev?.index ?? found.index) });
}

const dayOf = (c: chrono.ParsedComponents) => `${c.get('year')}-${pad(c.get('month'))}-${pad(c.get('day'))}`;

/** "Term: Feb 1, 2026 – Jan 31, 2027": the term's start and end, when both are whole days. */
function termOf(r: chrono.ParsedResult, start: number, t: Trigger, text: string): Found[] {
  if (!r.end || !r.end.isCertain('day') || !r.start.isCertain('day') || !r.end.isCertain('month')) return [];
  const words = text
    .slice(t.start, start + r.text.length)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  const distance = start - t.end;
  return [
    { date: dayOf(r.start), label: 'term-start', text: words, index: start, distance },
    { date: dayOf(r.end), label: 'term-end', text: words, index: start + 1, distance },
  ];
}

/** "le 1er janvier 2027 (la « date de début »)": a contract names its dates right after them. */
const DEFINED =
  /^\s*\(\s*(?:la\s+|the\s+|l['’])?[«"“]?\s*(?<start>date de début|start date|commencement date|effective date|date d['’]entrée en vigueur)|^\s*\(\s*(?:la\s+|the\s+)?[«"“]?\s*(?<end>date de fin|end date|expiry date|expiration date|date d['’]expiration)/iu;

function definedAs(after: string): DateLabel | null {
  const m = DEFINED.exec(after);
  return m?.groups?.start ? 'term-start' : m?.groups?.end ? 'term-end' : null;
}

/**
 * A document has one date of its own: with several read as such ("Quote date: …" and "your request dated …"), the
 * one written as a label wins, else the first; the others are only dates.
 */
function oneOwnDate<T extends DateHint>(dates: T[]): T[] {
  const own = dates.filter((d) => d.label === 'quote-date');
  if (own.length < 2) return dates;
  const keep = own.find((d) => /[:|]/.test(d.text)) ?? own[0]!;
  return dates.map((d) => (d.label === 'quote-date' && d !== keep ? { ...d, label: 'other' } : d));
}

export interface FindDatesOptions {
  /**
   * The document's own date (an e-mail's sent day): a weekday ("by Friday") and a year left out are read from it.
   * Without it, a weekday alone is not a date: counted from today it would be a guess.
   */
  anchor?: Date | null;
}

export function findDates(text: string, now: Date, opts: FindDatesOptions = {}): DateHint[] {
  const anchor = opts.anchor && !Number.isNaN(opts.anchor.getTime()) ? opts.anchor : null;
  const triggers = findTriggers(text);
  if (triggers.length === 0) return [];
  const french = looksFrench(text);
  const best = new Map<string, Found>();
  for (const seg of segments(text, triggers)) {
    const readings = parse(text.slice(seg.start, seg.end), anchor ?? now, french);
    // Only days count as "a date in between" (not a bare time such as "5 pm").
    const starts = readings.filter((r) => r.start.isCertain('day')).map((r) => seg.start + r.index);
    for (const r of readings) {
      const start = seg.start + r.index;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const before = text.slice(Math.max(lineStart, start - 40), start);
      if (!usable(r, now, before, anchor !== null)) continue;
      const end = start + r.text.length;
      let pick: { t: Trigger; d: number } | null = null;
      for (const t of seg.triggers) {
        const d = distance(text, t, start, end, starts);
        if (d !== null && (!pick || d < pick.d)) pick = { t, d };
      }
      if (!pick) continue;
      if (pick.t.range) {
        for (const d of termOf(r, start, pick.t, text)) keep(best, d);
        continue;
      }
      const own = ownLabel(text, before, pick.t, start) ?? definedAs(text.slice(end, end + 40));
      if (own === 'skip') continue;
      const by = own ? { ...pick.t, label: own } : labelling(text, pick.t, seg.triggers, start);
      const date = `${r.start.get('year')}-${pad(r.start.get('month'))}-${pad(r.start.get('day'))}`;
      const words = text.slice(Math.min(start, by.start), Math.max(end, pick.t.end));
      const found: Found = {
        date,
        label: by.label,
        text: words.replace(/\s+/g, ' ').trim().slice(0, 200),
        index: start,
        distance: pick.d,
      };
      keep(best, found);
    }
    if (best.size >= MAX_DATES * 2) break;
  }
  // "30 days before renewal" once the renewal's own date is known; a date already read stays as read.
  const read = [...best.values()];
  const counted = [...anchoredNotices(text, read), ...anchoredValidity(text, read), ...anchoredClaims(text)];
  for (const d of counted) {
    const same = best.get(d.date);
    // "60 jours avant la fin du contrat, soit au plus tard le 30 décembre": the count says what the date is.
    if (same && same.label !== d.label && d.label !== 'valid-until') best.set(d.date, { ...same, label: d.label });
  }
  return oneOwnDate<DateHint & { index: number }>(
    [...best.values(), ...counted.filter((d) => !best.has(d.date))].sort((a, b) => a.index - b.index),
  )
    .slice(0, MAX_DATES)
    .map(({ date, label, text: words }) => ({ date, label, text: words }));
}

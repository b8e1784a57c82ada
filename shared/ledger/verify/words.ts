import { canonicalJson } from '../canonical';

/** How the verifier says things: numbers, dates, values and records in a vCIO's words. Deterministic (UTC). */

/** 1204 → "1,204". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 change", "1,210 changes". */
export function changes(n: number): string {
  return `${count(n)} ${n === 1 ? 'change' : 'changes'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-05T10:02:33.000Z" → "5 Dec 2026 10:02 UTC"; anything else as given. */
export function when(instant: unknown): string {
  if (typeof instant !== 'string') return 'an unknown time';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${day(instant)} ${hh}:${mm} UTC`;
}

/** "5 Dec 2026". */
export function day(instant: unknown): string {
  if (typeof instant !== 'string') return 'an unknown date';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The start of a hash or key, as the minutes print a root: "7f3a9c1b2d4e…". */
export const short = (hex: unknown) => (typeof hex === 'string' ? `${hex.slice(0, 12)}…` : String(hex));

/** Text shortened to `max` characters, on one line. */
export function clip(text: string, max = 80): string {
  const line = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A value as a sentence shows it: 'text', 12000, yes/no, (empty), or compact JSON. */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return `'${clip(value)}'`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value) && value.length === 0) return '(none)';
  if (isMoney(value)) return `${value.value} ${value.currency} ${value.recurrence}`;
  try {
    return clip(canonicalJson(value), 100);
  } catch {
    return String(value);
  }
}

function isMoney(v: unknown): v is { value: number; currency: string; recurrence: string } {
  if (!isPlainObject(v)) return false;
  return typeof v.value === 'number' && typeof v.currency === 'string' && typeof v.recurrence === 'string';
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Equal as stored values, as canonical JSON compares them (members in any order, a missing value the same as null at
 * the top), without writing either out: JSON values from a pack, compared member by member.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return sameJson(a ?? null, b ?? null);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameJson(v, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x).filter((k) => x[k] !== undefined);
  const ky = Object.keys(y).filter((k) => y[k] !== undefined);
  return kx.length === ky.length && kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameJson(x[k], y[k]));
}

export type Difference = { path: string; from: unknown; to: unknown };

/**
 * Where two values differ, a few steps into objects and equal-length lists, so a change reads "decision.decision"
 * or "heldAgenda[2].title" rather than as two blobs of JSON.
 */
export function differences(from: unknown, to: unknown, path: string, depth = 0): Difference[] {
  if (depth < 3) {
    let out: Difference[] = [];
    if (isPlainObject(from) && isPlainObject(to)) {
      const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
      for (const k of keys)
        if (!sameValue(from[k], to[k])) out = out.concat(differences(from[k], to[k], `${path}.${k}`, depth + 1));
    } else if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
      from.forEach((f, i) => {
        if (!sameValue(f, to[i])) out = out.concat(differences(f, to[i], `${path}[${i + 1}]`, depth + 1));
      });
    }
    if (out.length) return out;
  }
  return [{ path, from, to }];
}

/** Canonical JSON, or a marker for what has none (a pack can hold anything). */
export function safeJson(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return `~${String(value)}`;
  }
}

const TABLE_NOUN: Record<string, string> = {
  meetings: 'meeting',
  items: 'item',
  captures: 'evidence',
  devices: 'device',
  clients: 'client',
  vendors: 'vendor',
  contracts: 'contract',
};
export const nounOf = (table: string) => TABLE_NOUN[table] ?? table;

/** What to call a capture: its title, its e-mail's subject, its file's name. */
export function captureTitle(capture: Record<string, unknown> | undefined | null): string | null {
  if (!capture) return null;
  const source = capture.source as { title?: unknown } | undefined;
  const email = capture.email as { subject?: unknown } | undefined;
  const file = capture.file as { name?: unknown } | undefined;
  for (const t of [source?.title, email?.subject, file?.name]) if (typeof t === 'string' && t.trim()) return t.trim();
  return null;
}

/** "item 'Renew Fortinet' (id 0190…)", "evidence 'Quote Q-2026-1042' (id …)", "meeting 'December review' (id …)". */
export function named(table: string, id: string, record?: Record<string, unknown> | null): string {
  const title = table === 'captures' ? captureTitle(record) : typeof record?.title === 'string' ? record.title : null;
  const noun = nounOf(table);
  return title ? `${noun} '${clip(title, 60)}' (id ${id})` : `${noun} ${id}`;
}

/** Field names in the vCIO's words, for amendments. */
const FIELD_WORDS: Record<string, string> = {
  'decision.decision': 'decision',
  'decision.status': 'decision status',
  'decision.rationale': 'rationale',
  'decision.recommendation': 'recommendation',
  'decision.context': 'context',
  'decision.options': 'options',
  'decision.decidedBy': 'decided by',
  'decision.decidedOn': 'decided on',
  decideBy: 'decide-by date',
  meetingId: 'meeting',
  vendorId: 'vendor',
  contractId: 'contract',
  oneTimeAmount: 'one-time fee',
  heldAgenda: 'held agenda',
  heldAt: 'held at',
  startsAt: 'start',
  agendaOrder: 'agenda order',
};
export const fieldWords = (path: string) => FIELD_WORDS[path] ?? path;

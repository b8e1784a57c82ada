/**
 * A field change said in words, as a minute would say it: "Status: Inbox → To prepare", "Decision: status
 * Proposed → Accepted; decided by: Julie Côté, CEO". Nested records (the decision, its options, the follow-up
 * actions) are compared part by part; long text is cut to an excerpt and the full text kept for "show all".
 */
import {
  type Action,
  type Decision,
  Decision as DecisionSchema,
  type DecisionOption,
  SECTION_LABEL,
  STATUS_LABEL,
  type Money,
} from '../domain';
import { formatDate, formatMoney } from '../export/format';
import { COBIT_LABEL, DECISION_STATUS_LABEL, NIST_LABEL, RISK_LABEL } from '../export/labels';

export type ChangeLine = {
  /** What changed, in the user's words ("Decide by", "Decision"). */
  label: string;
  /** The change, in words, short enough for one line. */
  text: string;
  /** For long text: before and after in full, shown on "show all". */
  full?: { from: string; to: string };
};

/** Names for the records an item points at (meetings, vendors, contracts), as the UI knows them. */
export type Names = { meeting?: (id: string) => string | null; vendor?: (id: string) => string | null };

const EXCERPT = 90;
const NONE = 'none';

const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  status: 'Status',
  meetingId: 'Meeting',
  section: 'Section',
  kind: 'Kind',
  vendorId: 'Vendor',
  contractId: 'Contract',
  amount: 'Amount',
  oneTimeAmount: 'One-time fee',
  decideBy: 'Decide by',
  urgent: 'Urgent',
  tags: 'Tags',
  notes: 'Notes',
  agendaOrder: 'Agenda order',
  discussed: 'Discussed',
  slips: 'Carried forward',
  decision: 'Decision',
  actions: 'Follow-up actions',
  itemId: 'Filed into',
  filedInto: 'Filed into',
};

export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Text on one line, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const quoted = (text: string) => (text.trim() ? `“${excerpt(text)}”` : 'empty');
const isLong = (text: string) => text.replace(/\s+/g, ' ').trim().length > EXCERPT || text.includes('\n');
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function money(value: unknown): string {
  return value && typeof value === 'object' && 'currency' in value ? formatMoney(value as Money) : NONE;
}

function date(value: unknown): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : NONE;
}

/** A simple value in words. */
function plain(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return NONE;
  switch (field) {
    case 'status':
      return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? String(value);
    case 'section':
      return SECTION_LABEL[value as keyof typeof SECTION_LABEL] ?? String(value);
    case 'kind':
      return capital(String(value));
    case 'meetingId':
      return names.meeting?.(String(value)) ?? 'another meeting';
    case 'vendorId':
      return names.vendor?.(String(value)) ?? 'a vendor no longer registered';
    case 'contractId':
      return 'a contract';
    case 'amount':
    case 'oneTimeAmount':
      return money(value);
    case 'decideBy':
    case 'decidedOn':
    case 'due':
      return date(value);
    case 'urgent':
    case 'discussed':
    case 'done':
      return value ? 'yes' : 'no';
  }
  if (typeof value === 'string') return excerpt(value, 60);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return excerpt(JSON.stringify(value), 60);
}

function listChange(label: string, from: unknown, to: unknown, say: (v: string) => string = (v) => v): string[] {
  const a = (Array.isArray(from) ? from : []).map(String);
  const b = (Array.isArray(to) ? to : []).map(String);
  const added = b.filter((v) => !a.includes(v)).map(say);
  const removed = a.filter((v) => !b.includes(v)).map(say);
  return [
    added.length ? `${label} added: ${added.join(', ')}` : '',
    removed.length ? `${label} removed: ${removed.join(', ')}` : '',
  ].filter(Boolean);
}

/** The decision record's texts, by the names the decision editor gives them. */
const DECISION_TEXT: [keyof Decision, string][] = [
  ['context', 'Context'],
  ['recommendation', 'Recommendation'],
  ['decision', 'Decision taken'],
  ['rationale', 'Rationale'],
];

function who(by: Decision['decidedBy']): string {
  return [by?.name.trim(), by?.role.trim()].filter(Boolean).join(', ') || NONE;
}

function optionWords(o: DecisionOption): string {
  const costs = [o.oneTime ? formatMoney(o.oneTime) : null, o.recurring ? formatMoney(o.recurring) : null].filter(
    Boolean,
  );
  return `“${excerpt(o.title, 60)}”${costs.length ? ` (${costs.join(' + ')})` : ''}`;
}

function optionParts(a: DecisionOption, b: DecisionOption): string[] {
  const parts: string[] = [];
  if (a.title !== b.title) parts.push(`title ${quoted(a.title)} → ${quoted(b.title)}`);
  if (!same(a.oneTime, b.oneTime)) parts.push(`one-time cost ${money(a.oneTime)} → ${money(b.oneTime)}`);
  if (!same(a.recurring, b.recurring)) parts.push(`recurring cost ${money(a.recurring)} → ${money(b.recurring)}`);
  if (a.risk !== b.risk) parts.push(`risk ${RISK_LABEL[a.risk]} → ${RISK_LABEL[b.risk]}`);
  if (a.notes !== b.notes) parts.push(`notes ${quoted(a.notes)} → ${quoted(b.notes)}`);
  return parts;
}

/** Items of a list with ids (options, actions): added, removed, and changed part by part. */
function byId<T extends { id: string }>(
  from: T[],
  to: T[],
  words: (t: T) => string,
  parts: (a: T, b: T) => string[],
  noun: string,
): string[] {
  const before = new Map(from.map((t) => [t.id, t]));
  const after = new Map(to.map((t) => [t.id, t]));
  const out: string[] = [];
  for (const t of to) {
    const old = before.get(t.id);
    if (!old) out.push(`${noun} added: ${words(t)}`);
    else if (!same(old, t)) out.push(`${noun} ${words(t)}: ${parts(old, t).join('; ') || 'reordered'}`);
  }
  for (const t of from) if (!after.has(t.id)) out.push(`${noun} removed: ${words(t)}`);
  return out;
}

function decisionChange(from: Decision | null, to: Decision | null): ChangeLine[] {
  if (from && !to) return [{ label: 'Decision', text: 'record removed' }];
  if (!to) return [];
  const parts: string[] = from ? [] : ['record started'];
  from ??= blank();
  const lines: ChangeLine[] = [];
  if (from.status !== to.status)
    parts.push(`status ${DECISION_STATUS_LABEL[from.status]} → ${DECISION_STATUS_LABEL[to.status]}`);
  if (!same(from.decidedBy, to.decidedBy)) parts.push(`decided by: ${who(to.decidedBy)}`);
  if (from.decidedOn !== to.decidedOn) parts.push(`decided on: ${date(to.decidedOn)}`);
  if (from.supersedes !== to.supersedes)
    parts.push(to.supersedes ? 'now supersedes another decision' : 'supersedes nothing');
  if (from.supersededBy !== to.supersededBy)
    parts.push(to.supersededBy ? 'superseded by a later decision' : 'no longer superseded');
  parts.push(...listChange('NIST CSF', from.nist, to.nist, (f) => NIST_LABEL[f as keyof typeof NIST_LABEL] ?? f));
  parts.push(...listChange('COBIT', from.cobit, to.cobit, (c) => COBIT_LABEL[c as keyof typeof COBIT_LABEL] ?? c));
  if (parts.length) lines.push({ label: 'Decision', text: parts.join('; ') });
  for (const [key, name] of DECISION_TEXT) {
    const a = String(from[key] ?? '');
    const b = String(to[key] ?? '');
    if (a === b) continue;
    const line: ChangeLine = { label: name, text: `${quoted(a)} → ${quoted(b)}` };
    if (isLong(a) || isLong(b)) line.full = { from: a, to: b };
    lines.push(line);
  }
  const options = byId(from.options, to.options, optionWords, optionParts, 'option');
  if (options.length) lines.push({ label: 'Options considered', text: options.join('; ') });
  return lines;
}

/** An empty decision record, from the schema's own defaults. */
const blank = (): Decision => DecisionSchema.parse({});

function actionParts(a: Action, b: Action): string[] {
  const parts: string[] = [];
  if (a.title !== b.title) parts.push(`now ${quoted(b.title)}`);
  if (a.owner !== b.owner) parts.push(`owner ${a.owner || NONE} → ${b.owner || NONE}`);
  if (a.due !== b.due) parts.push(`due ${date(a.due)} → ${date(b.due)}`);
  if (a.done !== b.done) parts.push(b.done ? 'done' : 'reopened');
  return parts;
}

/** Fields whose value is a record or a list: a conflict on them is told as what the other version had. */
export const NESTED_FIELDS: readonly string[] = ['decision', 'actions', 'tags', 'slips'];

/** A simple field's value in words ("Inbox", "Thu 31 Dec 2026", "CA$4,500.00/month", the vendor's name). */
export function valueInWords(field: string, value: unknown, names: Names = {}): string {
  return plain(field, value, names);
}

/** One field's change, as one or more lines in words. */
export function describeChange(field: string, from: unknown, to: unknown, names: Names = {}): ChangeLine[] {
  const label = fieldLabel(field);
  switch (field) {
    case 'decision':
      return decisionChange(from as Decision | null, to as Decision | null);
    case 'actions': {
      const words = (a: Action) => `“${excerpt(a.title, 60)}”${a.owner ? ` (${a.owner})` : ''}`;
      const text = byId((from as Action[]) ?? [], (to as Action[]) ?? [], words, actionParts, 'action').join('; ');
      return text ? [{ label, text }] : [];
    }
    case 'tags':
      return [{ label, text: listChange('tags', from, to).join('; ') || 'reordered' }];
    case 'slips': {
      const last = Array.isArray(to) ? (to.at(-1) as { note?: string } | undefined) : undefined;
      return [{ label, text: last?.note ?? 'slips cleared' }];
    }
    case 'agendaOrder':
      return [{ label: 'Agenda', text: 'moved within its section' }];
    case 'notes':
    case 'title':
    case 'markdown': {
      const a = typeof from === 'string' ? from : '';
      const b = typeof to === 'string' ? to : '';
      const line: ChangeLine = { label, text: `${quoted(a)} → ${quoted(b)}` };
      if (isLong(a) || isLong(b)) line.full = { from: a, to: b };
      return [line];
    }
  }
  return [{ label, text: `${plain(field, from, names)} → ${plain(field, to, names)}` }];
}

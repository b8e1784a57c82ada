/**
 * History as minutes: one entry per editing session (the same person, the same record, edits no more than a few
 * minutes apart), each field from what it was before the session to what it was after, in words. The stored
 * history is untouched (every write keeps its own entry, and conflicts stand alone); this is how it is read.
 */
import type { Entity, HistoryEntry } from '../domain';
import { type ChangeLine, describeChange, excerpt, type Names } from './words';

/** Edits further apart than this start a new session. */
export const SESSION_GAP_MS = 10 * 60_000;

export type HistoryMinute = {
  what: 'created' | 'edited' | 'removed' | 'conflict';
  entity: Entity;
  entityId: string;
  by: string;
  /** The first and last write of the session (ISO instants). */
  from: string;
  at: string;
  /** How many stored entries the session gathers. */
  writes: number;
  /** "created this item", "added evidence: Quote Q-1042", "edited the item". */
  summary: string;
  lines: ChangeLine[];
  /** The raw changes of a conflict, which the UI shows as kept / lost values. */
  conflict?: HistoryEntry['changes'];
};

const NOUN: Record<Entity, string> = {
  client: 'the client',
  meeting: 'the meeting',
  item: 'the item',
  capture: 'evidence',
  vendor: 'the vendor',
  contract: 'the contract',
  device: 'a device key',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function titleOf(h: HistoryEntry): string {
  const source = h.changes.find((c) => c.field === 'source')?.to as { title?: string } | undefined;
  const title = h.changes.find((c) => c.field === 'title')?.to;
  return excerpt(String(source?.title ?? title ?? ''), 80);
}

function summaryOf(h: HistoryEntry): string {
  const name = titleOf(h);
  if (h.action === 'create')
    return h.entity === 'capture'
      ? `added evidence${name ? `: ${name}` : ''}`
      : `created ${NOUN[h.entity].replace('the ', 'this ')}`;
  const filed = h.changes.find((c) => c.field === 'filedInto');
  if (h.action === 'delete')
    return filed
      ? `filed this capture into “${excerpt(String(filed.to), 80)}”`
      : `removed ${NOUN[h.entity]}${name ? `: ${name}` : ''}`;
  if (h.entity === 'capture' && h.changes.some((c) => c.field === 'itemId')) return 'moved evidence here';
  return `edited ${NOUN[h.entity]}`;
}

type Open = HistoryMinute & { fields: Map<string, { from: unknown; to: unknown }> };

/** Oldest first, as minutes are read. */
export function historyMinutes(
  entries: readonly HistoryEntry[],
  names: Names = {},
  gapMs = SESSION_GAP_MS,
): HistoryMinute[] {
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const out: Open[] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    const joins =
      h.action === 'update' &&
      !h.conflict &&
      last?.what === 'edited' &&
      last.by === h.by &&
      last.entityId === h.entityId &&
      Date.parse(h.at) - Date.parse(last.at) <= gapMs;
    if (joins) {
      for (const c of h.changes) {
        const field = last.fields.get(c.field);
        if (field) field.to = c.to;
        else last.fields.set(c.field, { from: c.from, to: c.to });
      }
      last.at = h.at;
      last.writes += 1;
      continue;
    }
    const what = h.conflict
      ? 'conflict'
      : h.action === 'create'
        ? 'created'
        : h.action === 'delete'
          ? 'removed'
          : 'edited';
    out.push({
      what,
      entity: h.entity,
      entityId: h.entityId,
      by: h.by,
      from: h.at,
      at: h.at,
      writes: 1,
      summary: summaryOf(h),
      lines: [],
      fields: new Map(what === 'edited' ? h.changes.map((c) => [c.field, { from: c.from, to: c.to }]) : []),
      ...(h.conflict ? { conflict: h.changes } : {}),
    });
  }
  return out.map(({ fields, ...minute }) => {
    const lines = [...fields]
      .filter(([, c]) => !same(c.from, c.to))
      .flatMap(([field, c]) => describeChange(field, c.from, c.to, names));
    if (minute.what === 'edited' && lines.length === 0)
      lines.push({ label: 'No net change', text: 'edited, then put back as it was' });
    return { ...minute, lines };
  });
}

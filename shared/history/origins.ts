import type { Capture, HistoryEntry, Item } from '../domain';

/**
 * The "created" lines of records that arrived in a first sync. A snapshot carries each record's state, not its
 * story, so those records bring no history entry (it would double the rows a first sync writes); the record itself
 * says who made it and when (`createdBy`/`createdAt`, `capturedBy`/`capturedAt`), which is what the line needs.
 * A record whose stored entries say how it came into the item (created, or evidence moved here) gets no line.
 */
/** An entry that already says how the record came into this item: its creation, or evidence moved here. */
export const tellsOrigin = (e: HistoryEntry): boolean =>
  e.action === 'create' || e.changes.some((c) => c.field === 'itemId');

export function originEntries(
  entries: readonly HistoryEntry[],
  item: Item | undefined,
  captures: readonly Capture[],
  /** The account that created a record, when known: the line shows that member's current name. */
  authorOf: (record: Item | Capture) => string | undefined = () => undefined,
): HistoryEntry[] {
  const byId = (record: Item | Capture) => {
    const id = authorOf(record);
    return id ? { byId: id } : {};
  };
  const created = new Set(entries.filter(tellsOrigin).map((e) => e.entityId));
  const lines: HistoryEntry[] = [];
  if (item && !created.has(item.id))
    lines.push({
      id: `origin:${item.id}`,
      entity: 'item',
      entityId: item.id,
      itemId: item.id,
      action: 'create',
      at: item.createdAt,
      by: item.createdBy,
      ...byId(item),
      changes: [{ field: 'title', from: null, to: item.title }],
    });
  for (const c of captures)
    if (!created.has(c.id))
      lines.push({
        id: `origin:${c.id}`,
        entity: 'capture',
        entityId: c.id,
        itemId: c.itemId,
        action: 'create',
        at: c.capturedAt,
        by: c.capturedBy,
        ...byId(c),
        changes: [{ field: 'source', from: null, to: { title: c.source.title } }],
      });
  return lines;
}

/** The stored entries with the origin lines added, oldest first (ties keep stored order, origins first). */
export function withOrigins(entries: readonly HistoryEntry[], origins: readonly HistoryEntry[]): HistoryEntry[] {
  return [...origins, ...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

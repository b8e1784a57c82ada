import type { Entity, FieldChange, HistoryEntry } from '../../shared/domain';
import { originEntries, tellsOrigin, withOrigins } from '../../shared/history/origins';
import type { DocketDB } from './db';
import { type Actor, journal } from './journal';
import { originAuthorOf } from './stamps';

export type { Actor };

/**
 * Writes a new or edited record through the journal (journal.ts): the row with its stamps, its outbox entry and
 * its history entry, in the caller's `db.write` transaction. Returns null (and writes nothing) when nothing changed.
 */
export function recordChange<T extends { id: string }>(
  db: DocketDB,
  actor: Actor,
  entity: Entity,
  before: T | null,
  after: T,
  itemId: string | null,
): Promise<HistoryEntry | null> {
  return journal(db, actor, entity, before, after, itemId);
}

/**
 * Deletes a record through the journal: history keeps every field it had (or the given changes), and its
 * tombstone is queued for sync. Inside the delete's transaction.
 */
export async function recordDelete<T extends { id: string }>(
  db: DocketDB,
  actor: Actor,
  entity: Entity,
  before: T,
  itemId: string | null,
  changes?: FieldChange[],
): Promise<void> {
  await journal(db, actor, entity, before, null, itemId, changes);
}

/**
 * The story of one item: its own changes and those of its captures, oldest first, with a "created" line for any of
 * them that arrived in a first sync (shared/history/origins.ts). Only those captures are read: a capture's row holds
 * its whole text.
 */
export async function itemHistory(db: DocketDB, itemId: string): Promise<HistoryEntry[]> {
  const [entries, item, captureIds] = await Promise.all([
    db.history.where('itemId').equals(itemId).sortBy('at'),
    db.items.get(itemId),
    db.captures.where('itemId').equals(itemId).primaryKeys(),
  ]);
  const created = new Set(entries.filter(tellsOrigin).map((e) => e.entityId));
  const missing = captureIds.filter((id) => !created.has(id));
  const captures = missing.length ? (await db.captures.bulkGet(missing)).filter((c) => c !== undefined) : [];
  return withOrigins(entries, originEntries(entries, item, captures, originAuthorOf));
}

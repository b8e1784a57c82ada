import type { Entity, FieldChange, HistoryEntry } from '../../shared/domain';
import type { DocketDB } from './db';
import { type Actor, journal } from './journal';

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

/** The story of one item: its own changes and those of its captures, oldest first. */
export function itemHistory(db: DocketDB, itemId: string): Promise<HistoryEntry[]> {
  return db.history.where('itemId').equals(itemId).sortBy('at');
}

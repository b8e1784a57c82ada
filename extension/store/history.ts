import { fieldChanges } from '../../shared/changes';
import type { Entity, HistoryEntry } from '../../shared/domain';
import { newId } from '../../shared/ids';
import type { DocketDB } from './db';
import { queueChanges } from './outbox';

export interface Actor {
  by: string;
  at: string;
  /** The account signed in to the sync server, if any: history names members by it. */
  byId?: string;
}

const authorOf = (actor: Actor) => (actor.byId ? { byId: actor.byId } : {});

/**
 * Adds one history entry for a write, and queues its field-level changes for sync. Call it inside the write's
 * transaction (`db.write`) so the change, its record and its outbox entries land together or not at all.
 * Returns null (and writes nothing) when nothing changed.
 */
export async function recordChange<T extends { id: string }>(
  db: DocketDB,
  actor: Actor,
  entity: Entity,
  before: T | null,
  after: T,
  itemId: string | null,
): Promise<HistoryEntry | null> {
  const changes = fieldChanges(before, after);
  if (before && changes.length === 0) return null;
  const entry: HistoryEntry = {
    id: newId(),
    entity,
    entityId: after.id,
    itemId,
    action: before ? 'update' : 'create',
    at: actor.at,
    by: actor.by,
    ...authorOf(actor),
    changes,
  };
  await db.history.add(entry);
  await queueChanges(db, entity, after.id, before, after);
  return entry;
}

/**
 * Records that a record was removed (history keeps every field it had, or the given changes) and queues its
 * tombstone. Inside the delete's transaction.
 */
export async function recordDelete<T extends { id: string }>(
  db: DocketDB,
  actor: Actor,
  entity: Entity,
  before: T,
  itemId: string | null,
  changes: HistoryEntry['changes'] = fieldChanges<object>(before, { id: before.id }),
): Promise<void> {
  await db.history.add({
    id: newId(),
    entity,
    entityId: before.id,
    itemId,
    action: 'delete',
    at: actor.at,
    by: actor.by,
    ...authorOf(actor),
    changes,
  });
  await queueChanges(db, entity, before.id, before, null);
}

/** The story of one item: its own changes and those of its captures, oldest first. */
export function itemHistory(db: DocketDB, itemId: string): Promise<HistoryEntry[]> {
  return db.history.where('itemId').equals(itemId).sortBy('at');
}

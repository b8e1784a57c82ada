import { fieldChanges } from '../../shared/changes';
import type { Entity, HistoryEntry } from '../../shared/domain';
import { newId } from '../../shared/ids';
import type { DocketDB } from './db';

export interface Actor {
  by: string;
  at: string;
}

/**
 * Adds one history entry for a write. Call it inside the write's transaction so the change and its record
 * land together or not at all. Returns null (and writes nothing) when nothing changed.
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
    changes,
  };
  await db.history.add(entry);
  return entry;
}

/** The story of one item: its own changes and those of its captures, oldest first. */
export function itemHistory(db: DocketDB, itemId: string): Promise<HistoryEntry[]> {
  return db.history.where('itemId').equals(itemId).sortBy('at');
}

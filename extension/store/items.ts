import { Item } from '../../shared/domain';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { type Actor, recordChange } from './history';

/** What a user may edit on an item; ids, creation and client stay as they are. */
export type ItemPatch = Partial<Omit<Item, 'id' | 'clientId' | 'createdAt' | 'createdBy' | 'updatedAt'>>;

/** Edits an item and records who changed which field from what to what, in one transaction. */
export async function updateItem(db: DocketDB, actor: Actor, id: string, patch: ItemPatch): Promise<Item> {
  return db.transaction('rw', db.items, db.meetings, db.history, async () => {
    const before = await db.items.get(id);
    if (!before) throw new StoreError('not-found', 'This item no longer exists.');
    if (patch.meetingId) {
      const meeting = await db.meetings.get(patch.meetingId);
      if (!meeting || meeting.clientId !== before.clientId)
        throw new StoreError('invalid', 'That meeting does not belong to this client.');
    }
    const after = validate(Item, { ...before, ...patch, id, updatedAt: actor.at }, 'item');
    const entry = await recordChange(db, actor, 'item', before, after, id);
    if (entry) await db.items.put(after);
    return entry ? after : before;
  });
}

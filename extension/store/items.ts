import { type Decision, Item } from '../../shared/domain';
import { fileItem, settleByDecision } from '../../shared/rules/filing';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { withoutStamps } from './stamps';
import { type Actor, recordChange } from './history';

/** What a user may edit on an item; ids, creation and client stay as they are. */
export type ItemPatch = Partial<Omit<Item, 'id' | 'clientId' | 'createdAt' | 'createdBy' | 'updatedAt'>>;

/** Edits an item and records who changed which field from what to what, in one transaction. */
export async function updateItem(db: DocketDB, actor: Actor, id: string, patch: ItemPatch): Promise<Item> {
  return db.write([db.items, db.meetings], async () => {
    const before = await db.items.get(id);
    if (!before) throw new StoreError('not-found', 'This item no longer exists.');
    if (patch.meetingId) {
      const meeting = await db.meetings.get(patch.meetingId);
      if (!meeting || meeting.clientId !== before.clientId)
        throw new StoreError('invalid', 'That meeting does not belong to this client.');
    }
    // Filing and status move together: on a meeting an item has left the Inbox; back in the Inbox it has no meeting.
    const filed = settleByDecision(before, fileItem(before, patch), patch.status !== undefined);
    const after = validate(Item, { ...filed, id, updatedAt: actor.at }, 'item');
    const entry = await recordChange(db, actor, 'item', before, after, id);
    if (!entry) return withoutStamps(before);
    await linkSupersedes(db, actor, after, before.decision?.supersedes ?? null);
    return after;
  });
}

/**
 * "Supersedes" is kept from both ends: the replaced decision learns what superseded it (and becomes superseded);
 * one no longer named gets its link cleared. Inside the caller's transaction.
 */
async function linkSupersedes(db: DocketDB, actor: Actor, item: Item, previous: string | null): Promise<void> {
  const next = item.decision?.supersedes ?? null;
  if (next === previous) return;
  if (next === item.id) throw new StoreError('invalid', 'A decision cannot supersede itself.');
  const relink = async (targetId: string, change: (d: Decision) => Decision) => {
    const target = await db.items.get(targetId);
    if (!target?.decision) throw new StoreError('invalid', 'The superseded item has no decision record.');
    if (target.clientId !== item.clientId)
      throw new StoreError('invalid', 'A decision can only supersede one of the same client.');
    const updated = validate(Item, { ...target, decision: change(target.decision), updatedAt: actor.at }, 'item');
    await recordChange(db, actor, 'item', target, updated, target.id);
  };
  if (previous && (await db.items.get(previous))?.decision?.supersededBy === item.id)
    await relink(previous, (d) => ({ ...d, supersededBy: null }));
  if (next) await relink(next, (d) => ({ ...d, supersededBy: item.id, status: 'superseded' }));
}

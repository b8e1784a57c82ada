import { Capture, Item } from '../../shared/domain';
import { fileItem } from '../../shared/rules/filing';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { type Actor, recordChange, recordDelete } from './history';
import { ensureMeeting, type MeetingRef } from './meetings';

/** An inbox item becomes an item to prepare, on a meeting's agenda. */
export async function putOnAgenda(
  db: DocketDB,
  actor: Actor,
  itemId: string,
  meeting: MeetingRef | null,
): Promise<Item> {
  return db.write([db.items, db.meetings], async () => {
    const before = await db.items.get(itemId);
    if (!before) throw new StoreError('not-found', 'This item no longer exists.');
    if (meeting) await ensureMeeting(db, actor, before.clientId, meeting);
    const status = before.status === 'inbox' ? 'to-prepare' : before.status;
    const after = validate(
      Item,
      { ...fileItem(before, { status, meetingId: meeting?.id ?? before.meetingId }), updatedAt: actor.at },
      'item',
    );
    await recordChange(db, actor, 'item', before, after, itemId);
    return after;
  });
}

/**
 * Files an untriaged capture into an existing item: its captures move there, and the inbox entry goes away.
 * History is append-only: the inbox entry's own history stays under its id; the target records the filing.
 */
export async function fileInto(db: DocketDB, actor: Actor, inboxItemId: string, targetItemId: string): Promise<Item> {
  if (inboxItemId === targetItemId) throw new StoreError('invalid', 'Choose another item to file this into.');
  return db.write([db.items, db.captures], async () => {
    const [source, target] = await Promise.all([db.items.get(inboxItemId), db.items.get(targetItemId)]);
    if (!source || !target) throw new StoreError('not-found', 'One of these items no longer exists.');
    if (source.clientId !== target.clientId)
      throw new StoreError('invalid', 'Both items must belong to the same client.');
    for (const capture of await db.captures.where('itemId').equals(source.id).toArray()) {
      const moved = validate(Capture, { ...capture, itemId: target.id }, 'capture');
      await recordChange(db, actor, 'capture', capture, moved, target.id);
    }
    await recordDelete(db, actor, 'item', source, target.id, [
      { field: 'filedInto', from: source.title, to: target.title },
    ]);
    return target;
  });
}

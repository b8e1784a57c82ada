import { Item, type Meeting, Meeting as MeetingSchema } from '../../shared/domain';
import { holdMeeting as holdRule, itemsOnMeeting, nextMeeting } from '../../shared/rules';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { type Actor, recordChange } from './history';
import { ensureMeeting, type MeetingRef } from './meetings';

/**
 * Marks a meeting held: freezes its agenda as held, and carries every undiscussed open item to the client's next
 * meeting with a note of the slip. All of it in one transaction, every change in history.
 */
export async function holdMeeting(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  ref: MeetingRef,
  now = new Date(actor.at),
): Promise<{ meeting: Meeting; carried: number; next: Meeting }> {
  return db.write([db.clients, db.meetings, db.items, db.vendors], async () => {
    const client = await db.clients.get(clientId);
    if (!client) throw new StoreError('not-found', 'This client no longer exists.');
    const before = await ensureMeeting(db, actor, clientId, ref);
    if (before.status !== 'planned') throw new StoreError('invalid', `This meeting is ${before.status} already.`);
    const others = (await db.meetings.where('clientId').equals(clientId).toArray()).filter((m) => m.id !== before.id);
    // The next meeting after this one, whatever "now" is: a meeting can be marked held a day late.
    const after = new Date(Math.max(Date.parse(before.startsAt), now.getTime()));
    const next = nextMeeting(client, others, after);
    // What the agenda showed is what is held: untriaged and withdrawn items are not on it.
    const items = itemsOnMeeting(await db.items.where('meetingId').equals(before.id).toArray(), before.id);
    const vendors = await db.vendors.where('clientId').equals(clientId).toArray();
    let result: ReturnType<typeof holdRule>;
    try {
      result = holdRule({ meeting: before, items, vendors, next, timeZone: client.timeZone, at: actor.at });
    } catch (e) {
      throw new StoreError('invalid', e instanceof Error ? e.message : String(e));
    }
    const nextStored = await ensureMeeting(db, actor, clientId, next);
    const held = validate(MeetingSchema, { ...result.meeting, updatedAt: actor.at }, 'meeting');
    await recordChange(db, actor, 'meeting', before, held, null);
    for (const { id, patch } of result.carried) {
      const item = items.find((i) => i.id === id)!;
      const moved = validate(Item, { ...item, ...patch, updatedAt: actor.at }, 'item');
      await recordChange(db, actor, 'item', item, moved, id);
    }
    return { meeting: held, carried: result.carried.length, next: nextStored };
  });
}

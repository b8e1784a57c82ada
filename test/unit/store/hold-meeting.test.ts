import { describe, expect, it } from 'vitest';
import { holdMeeting } from '../../../extension/store/hold-meeting';
import { updateItem } from '../../../extension/store/items';
import { addMeeting, moveMeeting, setMinutesNotes } from '../../../extension/store/meeting-edits';
import type { NewItemFields } from '../../../extension/store/save-capture';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

// makeClient: monthly, 2nd Tuesday, 09:00 America/Toronto → 2026-12-08 14:00Z, then 2027-01-12.
const DEC = { id: '', startsAt: '2026-12-08T14:00:00.000Z', fromCadence: true };

async function setUp() {
  const db = freshDb();
  const client = await makeClient(db);
  const ref = { ...DEC, id: `${client.id}@2026-12-08` };
  const file = (title: string, over: Partial<NewItemFields> = {}) =>
    fileItem(db, client.id, title, { meeting: ref, kind: 'quote', status: 'on-agenda', ...over });
  const discussed = await file('Discussed');
  const decided = await file('Decided', { status: 'decided' });
  const pending = await file('Not reached');
  await updateItem(db, alice, discussed.id, { discussed: true });
  return { db, client, ref, discussed, decided, pending };
}

describe('holding a meeting', () => {
  it('freezes the agenda, carries only undiscussed open items to the next meeting, with a slip note', async () => {
    const { db, client, ref, discussed, decided, pending } = await setUp();
    await setMinutesNotes(db, alice, client.id, ref, 'Budget to revisit.');
    const at = { ...alice, at: '2026-12-08T16:00:00.000Z' };
    const { meeting, carried, next } = await holdMeeting(db, at, client.id, ref);
    expect(carried).toBe(1);
    expect(next.id).toBe(`${client.id}@2027-01-12`);
    expect(meeting).toMatchObject({ status: 'held', heldAt: at.at, minutes: 'Budget to revisit.' });
    expect(meeting.heldAgenda!.map((l) => [l.title, l.discussed])).toEqual([
      ['Discussed', true],
      ['Decided', false],
      ['Not reached', false],
    ]);
    expect((await db.items.get(pending.id))!).toMatchObject({
      meetingId: next.id,
      slips: [{ fromMeetingId: ref.id, toMeetingId: next.id }],
    });
    expect((await db.items.get(discussed.id))!.meetingId).toBe(ref.id);
    expect((await db.items.get(decided.id))!.meetingId).toBe(ref.id);
    const history = await db.history.where('[entity+entityId]').equals(['item', pending.id]).sortBy('at');
    expect(history.at(-1)!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['meetingId', 'slips']));
  });

  it('never rewrites a held record: a second hold, a move and new notes are refused', async () => {
    const { db, client, ref, discussed } = await setUp();
    await holdMeeting(db, alice, client.id, ref);
    const frozen = await db.meetings.get(ref.id);
    await expect(holdMeeting(db, alice, client.id, ref)).rejects.toThrow('This meeting is held already.');
    await expect(moveMeeting(db, alice, client.id, ref, '2026-12-09T14:00:00.000Z')).rejects.toThrow(/cannot be moved/);
    await expect(setMinutesNotes(db, alice, client.id, ref, 'rewrite')).rejects.toThrow(/minutes are final/);
    await updateItem(db, alice, discussed.id, { title: 'Renamed later' });
    expect(await db.meetings.get(ref.id)).toEqual(frozen);
  });

  it('moves a cadence meeting under the same id, and adds ad-hoc meetings', async () => {
    const { db, client, ref } = await setUp();
    const moved = await moveMeeting(db, alice, client.id, ref, '2026-12-10T15:00:00.000Z');
    expect(moved).toMatchObject({ id: ref.id, startsAt: '2026-12-10T15:00:00.000Z', fromCadence: true });
    const adHoc = await addMeeting(db, alice, client.id, '2026-12-03T20:00:00.000Z', 'Firewall incident');
    expect(adHoc).toMatchObject({ fromCadence: false, title: 'Firewall incident', status: 'planned' });
    await expect(addMeeting(db, alice, client.id, 'tomorrow')).rejects.toThrow(/startsAt/);
  });
});

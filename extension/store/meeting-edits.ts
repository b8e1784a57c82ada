import { Meeting } from '../../shared/domain';
import { newId } from '../../shared/ids';
import type { DocketDB } from './db';
import { StoreError, validate } from './errors';
import { type Actor, recordChange } from './history';
import { ensureMeeting, type MeetingRef } from './meetings';

/** An ad-hoc meeting, outside the cadence (an urgent decision, a vendor review). */
export async function addMeeting(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  startsAt: string,
  title = '',
): Promise<Meeting> {
  return db.write([db.clients, db.meetings], async () => {
    if (!(await db.clients.get(clientId))) throw new StoreError('not-found', 'This client no longer exists.');
    return ensureMeeting(db, actor, clientId, { id: newId(), startsAt, fromCadence: false }, title);
  });
}

/**
 * Moves a meeting to another time. A cadence slot keeps its id, so the cadence does not plan it again on its old date.
 * A held meeting cannot move: its record is final.
 */
export async function moveMeeting(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  ref: MeetingRef,
  startsAt: string,
): Promise<Meeting> {
  return db.write([db.meetings], async () => {
    const before = await ensureMeeting(db, actor, clientId, ref);
    if (before.status === 'held')
      throw new StoreError('invalid', 'A held meeting cannot be moved: its record is final.');
    const after = validate(Meeting, { ...before, startsAt, updatedAt: actor.at }, 'meeting');
    await recordChange(db, actor, 'meeting', before, after, null);
    return after;
  });
}

/** Cancels a planned meeting; its items stay where they are until moved. */
export async function cancelMeeting(db: DocketDB, actor: Actor, clientId: string, ref: MeetingRef): Promise<Meeting> {
  return db.write([db.meetings], async () => {
    const before = await ensureMeeting(db, actor, clientId, ref);
    if (before.status === 'held') throw new StoreError('invalid', 'A held meeting cannot be cancelled.');
    const after = validate(Meeting, { ...before, status: 'cancelled', updatedAt: actor.at }, 'meeting');
    await recordChange(db, actor, 'meeting', before, after, null);
    return after;
  });
}

/** Notes taken during the meeting. Once held, the record is frozen. */
export async function setMinutesNotes(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  ref: MeetingRef,
  minutes: string,
): Promise<Meeting> {
  return db.write([db.meetings], async () => {
    const before = await ensureMeeting(db, actor, clientId, ref);
    if (before.status === 'held') throw new StoreError('invalid', 'This meeting is held: its minutes are final.');
    const after = validate(Meeting, { ...before, minutes, updatedAt: actor.at }, 'meeting');
    await recordChange(db, actor, 'meeting', before, after, null);
    return after;
  });
}

import { Meeting } from '../../shared/domain';
import type { DocketDB } from './db';
import { validate } from './errors';
import { type Actor, recordChange } from './history';

/** A meeting as the rules propose it: maybe not stored yet (a cadence slot nobody filed anything to). */
export interface MeetingRef {
  id: string;
  startsAt: string;
  fromCadence: boolean;
}

/**
 * Makes sure a proposed meeting is stored, inside the caller's transaction. Cadence slots have deterministic ids,
 * so two browsers planning the same slot agree on its id.
 */
export async function ensureMeeting(
  db: DocketDB,
  actor: Actor,
  clientId: string,
  ref: MeetingRef,
  title = '',
): Promise<Meeting> {
  const existing = await db.meetings.get(ref.id);
  if (existing) return existing;
  const meeting = validate(
    Meeting,
    {
      id: ref.id,
      clientId,
      startsAt: ref.startsAt,
      status: 'planned',
      fromCadence: ref.fromCadence,
      title,
      minutes: '',
      heldAgenda: null,
      heldAt: null,
      createdAt: actor.at,
      updatedAt: actor.at,
    },
    'meeting',
  );
  await recordChange(db, actor, 'meeting', null, meeting, null);
  return meeting;
}

import type { Client, Meeting } from '../../../../shared/domain';
import { type NextMeeting, upcomingMeetings } from '../../../../shared/rules';

/** A meeting to show: stored, or a cadence slot not stored yet (shown as planned; stored on first write). */
export type MeetingChoice = NextMeeting & { meeting: Meeting };

function asMeeting(client: Client, m: NextMeeting): Meeting {
  return (
    m.stored ?? {
      id: m.id,
      clientId: client.id,
      startsAt: m.startsAt,
      status: 'planned',
      fromCadence: m.fromCadence,
      title: '',
      minutes: '',
      heldAgenda: null,
      heldAt: null,
      createdAt: m.startsAt,
      updatedAt: m.startsAt,
    }
  );
}

/** Upcoming meetings (the next one first), then held and cancelled ones, newest first. */
export function meetingChoices(
  client: Client,
  meetings: Meeting[],
  now: Date,
): { upcoming: MeetingChoice[]; past: Meeting[] } {
  const upcoming = upcomingMeetings(client, meetings, now, 4).map((m) => ({ ...m, meeting: asMeeting(client, m) }));
  const shown = new Set(upcoming.map((m) => m.id));
  const past = meetings
    .filter((m) => !shown.has(m.id) && (m.status !== 'planned' || Date.parse(m.startsAt) <= now.getTime()))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

/** The meeting after `meeting` in the list, for "deadlines before the next meeting". */
export function followingOf(meeting: Meeting, upcoming: MeetingChoice[]): { startsAt: string } | null {
  return upcoming.find((m) => m.startsAt > meeting.startsAt && m.meeting.status === 'planned') ?? null;
}

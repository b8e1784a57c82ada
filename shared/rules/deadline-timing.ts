/**
 * When a deadline falls relative to the meeting whose agenda lists it, and how that is said: one table, so the
 * agenda page, the print and the Markdown never contradict each other. All dates are local dates in the client's
 * zone ('YYYY-MM-DD'), so a meeting late in the evening or across a DST change is still "on its day".
 */
import { formatDate } from '../export/format';

export type DeadlineTiming = 'overdue' | 'today' | 'before-meeting' | 'meeting-day' | 'before-next' | 'after-next';

export type MeetingWindow = {
  /** Today, in the client's zone. */
  today: string;
  /** The meeting's local date. */
  meetingDate: string;
  /** The following meeting's local date; null when none is known. */
  nextDate: string | null;
};

export function deadlineTiming(date: string, w: MeetingWindow): DeadlineTiming {
  if (date < w.today) return 'overdue';
  if (date === w.meetingDate) return 'meeting-day';
  if (date === w.today) return 'today';
  if (date < w.meetingDate) return 'before-meeting';
  if (w.nextDate === null || date < w.nextDate) return 'before-next';
  return 'after-next';
}

/** Timings that cannot wait for the room: the agenda flags them. */
export const PRESSING: readonly DeadlineTiming[] = ['overdue', 'today', 'before-meeting'];

const PHRASE: Record<DeadlineTiming, (d: string, w: MeetingWindow) => string> = {
  overdue: (d) => `Overdue: it was due on ${formatDate(d)}`,
  today: (_, w) => `Today, before the meeting on ${formatDate(w.meetingDate)}`,
  'before-meeting': (_, w) => `Before this meeting (${formatDate(w.meetingDate)})`,
  'meeting-day': () => 'On the day of this meeting',
  'before-next': (_, w) =>
    w.nextDate
      ? `After this meeting, before the next one (${formatDate(w.nextDate)})`
      : 'After this meeting (no next meeting planned yet)',
  'after-next': (_, w) => `After the next meeting (${formatDate(w.nextDate ?? w.meetingDate)})`,
};

/** "Before this meeting (Thu 7 Jan 2027)": where the date stands, in words that are always true. */
export function deadlinePhrase(date: string, w: MeetingWindow): string {
  return PHRASE[deadlineTiming(date, w)](date, w);
}

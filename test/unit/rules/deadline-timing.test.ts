import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/domain';
import { deadlinePhrase, deadlineTiming, meetingDeadlines, type MeetingWindow } from '../../../shared/rules';

// The report that started this: decide-by 31 Dec, meeting 7 Jan, next one 4 Feb.
const jan: MeetingWindow = { today: '2026-12-04', meetingDate: '2027-01-07', nextDate: '2027-02-04' };

describe('deadline wording', () => {
  it.each([
    ['2026-12-01', 'overdue', 'Overdue: it was due on Tue 1 Dec 2026'],
    ['2026-12-04', 'today', 'Today, before the meeting on Thu 7 Jan 2027'],
    ['2026-12-31', 'before-meeting', 'Before this meeting (Thu 7 Jan 2027)'],
    ['2027-01-07', 'meeting-day', 'On the day of this meeting'],
    ['2027-01-20', 'before-next', 'After this meeting, before the next one (Thu 4 Feb 2027)'],
    ['2027-02-04', 'after-next', 'After the next meeting (Thu 4 Feb 2027)'],
  ] as const)('%s is %s: "%s"', (date, timing, phrase) => {
    expect(deadlineTiming(date, jan)).toBe(timing);
    expect(deadlinePhrase(date, jan)).toBe(phrase);
  });

  it('a meeting held today: a deadline today is on the meeting day, not "before" it', () => {
    expect(deadlinePhrase('2027-01-07', { ...jan, today: '2027-01-07' })).toBe('On the day of this meeting');
  });
});

const item = (decideBy: string): Item =>
  ({ id: 'i1', title: 'Firewall quote', decideBy, status: 'to-prepare', vendorId: null, contractId: null }) as Item;

describe('deadline wording from the rule, across time zones and DST', () => {
  const args = (startsAt: string, following: string, now: string, zone: string, decideBy: string) =>
    meetingDeadlines({
      meeting: { id: 'm', startsAt },
      following: { startsAt: following },
      items: [item(decideBy)],
      contracts: [],
      vendors: [],
      timeZone: zone,
      now: new Date(now),
    })[0]!;

  it('the reported case: due 31 Dec, before the 7 Jan meeting, never "before the meeting on 4 Feb"', () => {
    const d = args(
      '2027-01-07T14:00:00Z',
      '2027-02-04T14:00:00Z',
      '2026-12-04T16:00:00Z',
      'America/Toronto',
      '2026-12-31',
    );
    expect(d.timing).toBe('before-meeting');
    expect(d.when).toBe('Before this meeting (Thu 7 Jan 2027)');
    expect(d.when).not.toMatch(/Feb/);
  });

  it('an evening meeting is on its local day even when it is the next day in UTC', () => {
    // 19:00 in Vancouver on 7 Jan is 03:00 UTC on 8 Jan.
    const d = args(
      '2027-01-08T03:00:00Z',
      '2027-02-05T03:00:00Z',
      '2026-12-04T16:00:00Z',
      'America/Vancouver',
      '2027-01-07',
    );
    expect(d.timing).toBe('meeting-day');
  });

  it('"today" is the client’s today: late evening in Toronto is already tomorrow in UTC', () => {
    // 23:30 on 4 Dec in Toronto is 04:30 UTC on 5 Dec.
    const d = args(
      '2026-12-10T14:00:00Z',
      '2027-01-07T14:00:00Z',
      '2026-12-05T04:30:00Z',
      'America/Toronto',
      '2026-12-04',
    );
    expect(d.timing).toBe('today');
  });

  it('across the spring DST change the meeting keeps its local date', () => {
    // 14 Mar 2027, 09:00 in Toronto, is the first day of daylight time (13:00 UTC, not 14:00).
    const d = args(
      '2027-03-14T13:00:00Z',
      '2027-04-11T13:00:00Z',
      '2027-03-01T12:00:00Z',
      'America/Toronto',
      '2027-03-13',
    );
    expect(d.timing).toBe('before-meeting');
    expect(d.when).toBe('Before this meeting (Sun 14 Mar 2027)');
  });
});

import { describe, expect, it } from 'vitest';
import { cadenceMeetingId, cadenceSlots } from '../../../shared/rules';
import { at, client } from './fixtures';

const dates = (slots: { localDate: string }[]) => slots.map((s) => s.localDate);
const instants = (slots: { startsAt: string }[]) => slots.map((s) => s.startsAt);

describe('cadenceMeetingId', () => {
  it('is the same for the same client and date, different otherwise', () => {
    expect(cadenceMeetingId('acme', '2026-12-08')).toBe(cadenceMeetingId('acme', '2026-12-08'));
    expect(cadenceMeetingId('acme', '2026-12-08')).not.toBe(cadenceMeetingId('acme', '2026-12-15'));
    expect(cadenceMeetingId('acme', '2026-12-08')).not.toBe(cadenceMeetingId('globex', '2026-12-08'));
  });

  it('gives slots their deterministic id', () => {
    const [slot] = cadenceSlots(client(), at('2026-12-01T00:00:00Z'), 1);
    expect(slot).toEqual({
      id: cadenceMeetingId('acme', '2026-12-01'),
      localDate: '2026-12-01',
      startsAt: '2026-12-01T14:00:00.000Z',
    });
  });
});

describe('weekly', () => {
  it('runs across the year end', () => {
    const slots = cadenceSlots(client(), at('2026-12-16T00:00:00Z'), 4);
    expect(dates(slots)).toEqual(['2026-12-22', '2026-12-29', '2027-01-05', '2027-01-12']);
    expect(slots[0]?.startsAt).toBe('2026-12-22T14:00:00.000Z');
  });

  it.each([
    ['America/Toronto', '2026-03-01T00:00:00Z', ['2026-03-06T14:00:00.000Z', '2026-03-13T13:00:00.000Z']],
    ['America/Toronto', '2026-10-25T00:00:00Z', ['2026-10-30T13:00:00.000Z', '2026-11-06T14:00:00.000Z']],
    ['Europe/Paris', '2026-03-21T00:00:00Z', ['2026-03-27T08:00:00.000Z', '2026-04-03T07:00:00.000Z']],
    ['Europe/Paris', '2026-10-17T00:00:00Z', ['2026-10-23T07:00:00.000Z', '2026-10-30T08:00:00.000Z']],
  ])('stays at 09:00 local in %s across a DST change (Fridays after %s)', (timeZone, after, expected) => {
    expect(instants(cadenceSlots(client({ weekday: 5, timeZone }), at(after), 2))).toEqual(expected);
  });

  it('follows southern-hemisphere DST (Sydney, Wednesdays)', () => {
    const c = client({ weekday: 3, timeZone: 'Australia/Sydney' });
    expect(instants(cadenceSlots(c, at('2026-03-30T00:00:00Z'), 2))).toEqual([
      '2026-03-31T22:00:00.000Z',
      '2026-04-07T23:00:00.000Z',
    ]);
    expect(instants(cadenceSlots(c, at('2026-09-28T00:00:00Z'), 2))).toEqual([
      '2026-09-29T23:00:00.000Z',
      '2026-10-06T22:00:00.000Z',
    ]);
  });

  it('handles half- and quarter-hour zones whose meeting day starts on the previous UTC day', () => {
    const chatham = cadenceSlots(client({ timeZone: 'Pacific/Chatham' }), at('2026-12-07T19:00:00Z'), 2);
    expect(chatham).toEqual([
      { id: 'acme@2026-12-08', localDate: '2026-12-08', startsAt: '2026-12-07T19:15:00.000Z' },
      { id: 'acme@2026-12-15', localDate: '2026-12-15', startsAt: '2026-12-14T19:15:00.000Z' },
    ]);
    const kolkata = cadenceSlots(client({ timeZone: 'Asia/Kolkata', time: '07:00' }), at('2026-12-08T01:00:00Z'), 1);
    expect(instants(kolkata)).toEqual(['2026-12-08T01:30:00.000Z']);
  });

  it.each([
    ['still ahead', '2026-01-06T13:59:59Z', '2026-01-06'],
    ['starting right now (past)', '2026-01-06T14:00:00Z', '2026-01-13'],
    ['already started', '2026-01-06T15:00:00Z', '2026-01-13'],
  ])("treats today's meeting that is %s correctly", (_label, now, expected) => {
    expect(cadenceSlots(client(), at(now), 1)[0]?.localDate).toBe(expected);
  });

  it('moves a meeting that falls in a DST gap to the end of the gap, same day', () => {
    const c = client({ weekday: 0, time: '02:30' });
    const slots = cadenceSlots(c, at('2026-03-07T00:00:00Z'), 2);
    expect(slots).toEqual([
      { id: 'acme@2026-03-08', localDate: '2026-03-08', startsAt: '2026-03-08T07:00:00.000Z' },
      { id: 'acme@2026-03-15', localDate: '2026-03-15', startsAt: '2026-03-15T06:30:00.000Z' },
    ]);
  });

  it('gives nothing for count 0 and refuses a bad count', () => {
    expect(cadenceSlots(client(), at('2026-01-01T00:00:00Z'), 0)).toEqual([]);
    expect(() => cadenceSlots(client(), at('2026-01-01T00:00:00Z'), -1)).toThrow(/count/);
    expect(() => cadenceSlots(client({ timeZone: 'Nowhere/Land' }), at('2026-01-01T00:00:00Z'), 1)).toThrow(/zone/);
  });
});

describe('biweekly', () => {
  const after = at('2026-01-01T00:00:00Z');
  it.each([
    ['the meeting day itself', '2026-01-06', ['2026-01-06', '2026-01-20', '2026-02-03']],
    ['a Thursday of the same week', '2026-01-08', ['2026-01-06', '2026-01-20', '2026-02-03']],
    ['the Sunday ending that week', '2026-01-11', ['2026-01-06', '2026-01-20', '2026-02-03']],
    ['the Monday of the next week', '2026-01-12', ['2026-01-13', '2026-01-27', '2026-02-10']],
    ['a meeting day a year later (26 weeks)', '2027-01-05', ['2026-01-06', '2026-01-20', '2026-02-03']],
    ['the meeting day a week before', '2025-12-30', ['2026-01-13', '2026-01-27', '2026-02-10']],
  ])('keeps parity with an anchor on %s', (_label, anchorDate, expected) => {
    expect(dates(cadenceSlots(client({ cadence: 'biweekly', anchorDate }), after, 3))).toEqual(expected);
  });

  it('keeps parity across the year end', () => {
    const c = client({ cadence: 'biweekly', anchorDate: '2026-01-06' });
    expect(dates(cadenceSlots(c, at('2026-12-10T00:00:00Z'), 3))).toEqual(['2026-12-22', '2027-01-05', '2027-01-19']);
  });
});

describe('monthly', () => {
  it('takes the 2nd Tuesday of each month across the year end', () => {
    const c = client({ cadence: 'monthly', weekOfMonth: 2 });
    expect(dates(cadenceSlots(c, at('2026-11-01T00:00:00Z'), 4))).toEqual([
      '2026-11-10',
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
    ]);
  });

  it.each([
    ['a leap year', '2028-01-01T00:00:00Z', ['2028-01-28', '2028-02-25', '2028-03-31']],
    ['a common year', '2027-01-01T00:00:00Z', ['2027-01-29', '2027-02-26', '2027-03-26']],
  ])('takes the last Friday through February in %s', (_label, after, expected) => {
    const c = client({ cadence: 'monthly', weekday: 5, weekOfMonth: -1 });
    expect(dates(cadenceSlots(c, at(after), 3))).toEqual(expected);
  });

  it('tells the 4th Friday from the last one in a month with five', () => {
    const c = client({ cadence: 'monthly', weekday: 5, weekOfMonth: 4 });
    expect(dates(cadenceSlots(c, at('2028-03-01T00:00:00Z'), 1))).toEqual(['2028-03-24']);
  });

  it('skips to next month when this month’s meeting is past', () => {
    const c = client({ cadence: 'monthly', weekOfMonth: 2 });
    expect(dates(cadenceSlots(c, at('2026-12-08T14:00:00Z'), 1))).toEqual(['2027-01-12']);
    expect(dates(cadenceSlots(c, at('2026-12-08T13:59:00Z'), 1))).toEqual(['2026-12-08']);
  });

  it('keeps 09:00 local on the last Sunday of March and October in Paris (DST days)', () => {
    const c = client({ cadence: 'monthly', weekday: 0, weekOfMonth: -1, timeZone: 'Europe/Paris' });
    const slots = cadenceSlots(c, at('2026-02-01T00:00:00Z'), 9);
    expect(slots[1]).toMatchObject({ localDate: '2026-03-29', startsAt: '2026-03-29T07:00:00.000Z' });
    expect(slots[8]).toMatchObject({ localDate: '2026-10-25', startsAt: '2026-10-25T08:00:00.000Z' });
  });
});

describe('bimonthly', () => {
  const base = { cadence: 'bimonthly' as const, weekOfMonth: 2 as const };
  it('meets every other month in phase with the anchor month, across the year end', () => {
    const c = client({ ...base, anchorDate: '2026-01-13' });
    expect(dates(cadenceSlots(c, at('2026-08-01T00:00:00Z'), 4))).toEqual([
      '2026-09-08',
      '2026-11-10',
      '2027-01-12',
      '2027-03-09',
    ]);
  });

  it('switches phase with an anchor in an even month, even a year away', () => {
    const c = client({ ...base, anchorDate: '2025-02-11' });
    expect(dates(cadenceSlots(c, at('2026-08-01T00:00:00Z'), 3))).toEqual(['2026-08-11', '2026-10-13', '2026-12-08']);
  });

  it('skips ahead two months when this month’s meeting is past', () => {
    const c = client({ ...base, anchorDate: '2026-01-13' });
    expect(dates(cadenceSlots(c, at('2026-11-10T15:00:00Z'), 1))).toEqual(['2027-01-12']);
  });
});

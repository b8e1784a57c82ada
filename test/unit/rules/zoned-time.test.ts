import { describe, expect, it } from 'vitest';
import { isValidTimeZone, zonedParts, zonedToUtc } from '../../../shared/rules';

// Expected instants were checked against Python's zoneinfo (an independent implementation of the IANA rules).
describe('zonedToUtc', () => {
  it.each([
    // plain offsets, including half- and quarter-hour zones
    ['2026-12-08', '09:00', 'Asia/Kolkata', '2026-12-08T03:30:00.000Z'],
    ['2026-12-08', '07:00', 'Asia/Kolkata', '2026-12-08T01:30:00.000Z'],
    ['2026-12-08', '09:00', 'Pacific/Chatham', '2026-12-07T19:15:00.000Z'], // +13:45 (summer)
    ['2026-06-09', '09:00', 'Pacific/Chatham', '2026-06-08T20:15:00.000Z'], // +12:45 (winter)
    ['2026-01-06', '09:00', 'UTC', '2026-01-06T09:00:00.000Z'],
    // the same 09:00 on both sides of a DST change lands on different UTC hours
    ['2026-03-06', '09:00', 'America/Toronto', '2026-03-06T14:00:00.000Z'],
    ['2026-03-13', '09:00', 'America/Toronto', '2026-03-13T13:00:00.000Z'],
    ['2026-10-30', '09:00', 'America/Toronto', '2026-10-30T13:00:00.000Z'],
    ['2026-11-06', '09:00', 'America/Toronto', '2026-11-06T14:00:00.000Z'],
    ['2026-03-27', '09:00', 'Europe/Paris', '2026-03-27T08:00:00.000Z'],
    ['2026-04-03', '09:00', 'Europe/Paris', '2026-04-03T07:00:00.000Z'],
    ['2026-10-23', '09:00', 'Europe/Paris', '2026-10-23T07:00:00.000Z'],
    ['2026-10-30', '09:00', 'Europe/Paris', '2026-10-30T08:00:00.000Z'],
    // southern hemisphere: summer time ends in April and starts in October
    ['2026-04-01', '09:00', 'Australia/Sydney', '2026-03-31T22:00:00.000Z'],
    ['2026-04-08', '09:00', 'Australia/Sydney', '2026-04-07T23:00:00.000Z'],
    ['2026-09-30', '09:00', 'Australia/Sydney', '2026-09-29T23:00:00.000Z'],
    ['2026-10-07', '09:00', 'Australia/Sydney', '2026-10-06T22:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(zonedToUtc(date, time, zone).toISOString()).toBe(expected);
  });

  it.each([
    ['2026-03-08', '02:30', 'America/Toronto', '2026-03-08T07:00:00.000Z', '03:00'],
    ['2026-03-08', '02:00', 'America/Toronto', '2026-03-08T07:00:00.000Z', '03:00'],
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T01:00:00.000Z', '03:00'],
    ['2026-10-04', '02:30', 'Australia/Sydney', '2026-10-03T16:00:00.000Z', '03:00'],
    ['2026-09-27', '03:00', 'Pacific/Chatham', '2026-09-26T14:00:00.000Z', '03:45'],
  ])('moves %s %s in %s (a DST gap) forward to the end of the gap', (date, time, zone, expected, shown) => {
    const instant = zonedToUtc(date, time, zone);
    expect(instant.toISOString()).toBe(expected);
    expect(zonedParts(instant, zone)).toMatchObject({ date, time: shown });
    // one second earlier the clocks still showed the old time, before the requested one
    expect(zonedParts(new Date(instant.getTime() - 1000), zone).time < time).toBe(true);
  });

  it.each([
    ['2026-11-01', '01:30', 'America/Toronto', '2026-11-01T05:30:00.000Z'],
    ['2026-10-25', '02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'],
    ['2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
    ['2026-04-05', '03:00', 'Pacific/Chatham', '2026-04-04T13:15:00.000Z'],
  ])('picks the earlier instant for %s %s in %s (a DST overlap)', (date, time, zone, expected) => {
    const instant = zonedToUtc(date, time, zone);
    expect(instant.toISOString()).toBe(expected);
    const oneHourLater = new Date(instant.getTime() + 3_600_000);
    expect(zonedParts(oneHourLater, zone)).toMatchObject({ date, time }); // the clock shows it again an hour later
  });

  it('moves a whole skipped day forward (Samoa skipped 2011-12-30)', () => {
    const instant = zonedToUtc('2011-12-30', '12:00', 'Pacific/Apia');
    expect(instant.toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(zonedParts(instant, 'Pacific/Apia')).toEqual({ date: '2011-12-31', time: '00:00', weekday: 6 });
  });

  it('rejects bad input with a clear error', () => {
    expect(() => zonedToUtc('2026-02-30', '09:00', 'UTC')).toThrow(/calendar date/);
    expect(() => zonedToUtc('2026-02-01', '9am', 'UTC')).toThrow(/HH:MM/);
    expect(() => zonedToUtc('2026-02-01', '09:00', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('zonedParts', () => {
  it.each([
    ['2026-12-07T19:15:00.000Z', 'Pacific/Chatham', { date: '2026-12-08', time: '09:00', weekday: 2 }],
    ['2026-12-31T23:30:00.000Z', 'Asia/Kolkata', { date: '2027-01-01', time: '05:00', weekday: 5 }],
    ['2027-01-01T03:00:00.000Z', 'America/Toronto', { date: '2026-12-31', time: '22:00', weekday: 4 }],
    ['2028-02-29T12:00:00.000Z', 'Europe/Paris', { date: '2028-02-29', time: '13:00', weekday: 2 }],
    ['2026-11-01T06:30:00.000Z', 'America/Toronto', { date: '2026-11-01', time: '01:30', weekday: 0 }],
    ['2026-03-08T00:00:00.000Z', 'UTC', { date: '2026-03-08', time: '00:00', weekday: 0 }],
  ])('%s in %s', (iso, zone, expected) => {
    expect(zonedParts(new Date(iso), zone)).toEqual(expected);
  });

  it('rejects an invalid instant', () => {
    expect(() => zonedParts(new Date('nope'), 'UTC')).toThrow(/instant/);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['America/Toronto', true],
    ['Pacific/Chatham', true],
    ['UTC', true],
    ['', false],
    ['Mars/Olympus', false],
    ['+05:30x', false],
  ])('%s → %s', (tz, valid) => {
    expect(isValidTimeZone(tz)).toBe(valid);
  });
});

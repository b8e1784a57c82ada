// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseWebmailDate } from '../../../extension/capture/webmail-date';

/** Webmail prints wall-clock time in the reader's zone, so expectations are built in the local zone too. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('parseWebmailDate', () => {
  it.each([
    ['Tue, Nov 24, 2026, 10:08 AM', local(2026, 11, 24, 10, 8)],
    ['Tue, Nov 24, 2026, 12:05\u202fAM', local(2026, 11, 24, 0, 5)],
    ['Nov 24, 2026, 12:30 PM', local(2026, 11, 24, 12, 30)],
    ['Friday, April 10, 2026 1:25 PM', local(2026, 4, 10, 13, 25)],
    ['24 Nov 2026, 22:08', local(2026, 11, 24, 22, 8)],
    ['mar. 24 nov. 2026, 10 h 08', local(2026, 11, 24, 10, 8)],
    ['Mar 3, 2026, 9:00 AM', local(2026, 3, 3, 9, 0)],
    ['2026-04-10 13:25', local(2026, 4, 10, 13, 25)],
    ['Fri 4/10/2026 1:25 PM', local(2026, 4, 10, 13, 25)],
    ['ven. 10/04/2026 13:25', local(2026, 4, 10, 13, 25)],
    ['13/04/2026 08:00', local(2026, 4, 13, 8, 0)],
  ])('reads %s', (text, iso) => {
    expect(parseWebmailDate(text, 'en-US')).toEqual({ date: iso, note: null, zone: 'engine' });
  });

  it('settles an ambiguous numeric date by the page language, and says so', () => {
    const us = parseWebmailDate('4/10/2026 1:25 PM', 'en-US');
    expect(us.date).toBe(local(2026, 4, 10, 13, 25));
    expect(us.note).toMatch(/ambiguous.*month\/day.*en-US/);
    const fr = parseWebmailDate('04/10/2026 13:25', 'fr-CA');
    expect(fr.date).toBe(local(2026, 10, 4, 13, 25));
    expect(fr.note).toMatch(/ambiguous.*day\/month.*fr-CA/);
  });

  it('uses the weekday to settle day/month order when it can', () => {
    // 10 April 2026 is a Friday, 4 October 2026 a Sunday.
    expect(parseWebmailDate('Sun 4/10/2026 9:00 AM', 'en-US')).toEqual({
      date: local(2026, 10, 4, 9, 0),
      note: null,
      zone: 'engine',
    });
  });

  it('gives null with a note for relative or unreadable dates', () => {
    expect(parseWebmailDate('10:08 AM (2 hours ago)').date).toBeNull();
    expect(parseWebmailDate('10:08 AM (2 hours ago)').note).toMatch(/only a relative date/);
    expect(parseWebmailDate('Yesterday').date).toBeNull();
    expect(parseWebmailDate('Nov 24').note).toMatch(/could not be read/);
    expect(parseWebmailDate('31/02/2026 10:00').date).toBeNull();
    expect(parseWebmailDate('')).toEqual({ date: null, note: null });
  });

  it('notes a date without a time of day', () => {
    expect(parseWebmailDate('Dec 15, 2026')).toEqual({
      date: local(2026, 12, 15),
      note: 'Date "Dec 15, 2026" has no time of day; midnight was assumed.',
      zone: 'engine',
    });
  });

  it('reads an offset written in the text, whatever the engine zone', () => {
    expect(parseWebmailDate('Tue, Nov 24, 2026, 10:08 AM GMT-05:00')).toEqual({
      date: '2026-11-24T15:08:00.000Z',
      note: null,
      zone: 'offset',
    });
    expect(parseWebmailDate('ven. 10/04/2026 13:25 (UTC+02:00)', 'fr').date).toBe('2026-04-10T11:25:00.000Z');
    expect(parseWebmailDate('24 Nov 2026, 22:08 UTC').date).toBe('2026-11-24T22:08:00.000Z');
    expect(parseWebmailDate('Mar 3, 2026, 9:00 AM GMT+5:30').date).toBe('2026-03-03T03:30:00.000Z');
  });

  it('reads the wall clock in a given time zone, across daylight saving time', () => {
    // Toronto is UTC-5 in November and UTC-4 in April.
    expect(parseWebmailDate('Tue, Nov 24, 2026, 10:08 AM', 'en-US', 'America/Toronto')).toEqual({
      date: '2026-11-24T15:08:00.000Z',
      note: null,
      zone: 'given',
    });
    expect(parseWebmailDate('Fri 4/10/2026 1:25 PM', 'en-US', 'America/Toronto').date).toBe('2026-04-10T17:25:00.000Z');
    expect(parseWebmailDate('ven. 10/04/2026 13:25', 'fr', 'Asia/Kolkata').date).toBe('2026-04-10T07:55:00.000Z');
  });
});

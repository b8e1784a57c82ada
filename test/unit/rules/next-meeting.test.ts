import { describe, expect, it } from 'vitest';
import { addDays, cadenceIdDate, cadenceMeetingId, nextMeeting, upcomingMeetings } from '../../../shared/rules';
import { at, client, meeting } from './fixtures';

// Weekly, Tuesdays 09:00 Toronto (14:00Z in winter): 2026-01-06, -13, -20, -27…
const c = client();
const slotId = (date: string) => cadenceMeetingId('acme', date);
const brief = (list: { id: string; startsAt: string; stored: unknown; fromCadence: boolean }[]) =>
  list.map((m) => `${m.id} ${m.startsAt} ${m.stored ? 'stored' : 'slot'}`);

describe('nextMeeting', () => {
  it('is the next cadence slot when nothing is stored', () => {
    expect(nextMeeting(c, [], at('2026-01-07T00:00:00Z'))).toEqual({
      id: slotId('2026-01-13'),
      startsAt: '2026-01-13T14:00:00.000Z',
      stored: null,
      fromCadence: true,
    });
  });

  it('prefers an earlier ad-hoc planned meeting', () => {
    const adHoc = meeting({ id: 'm-extra', startsAt: '2026-01-09T15:00:00.000Z' });
    expect(nextMeeting(c, [adHoc], at('2026-01-07T00:00:00Z'))).toEqual({
      id: 'm-extra',
      startsAt: '2026-01-09T15:00:00.000Z',
      stored: adHoc,
      fromCadence: false,
    });
  });

  it('keeps the cadence slot when the ad-hoc meeting is later', () => {
    const adHoc = meeting({ id: 'm-extra', startsAt: '2026-01-15T15:00:00.000Z' });
    expect(nextMeeting(c, [adHoc], at('2026-01-07T00:00:00Z')).id).toBe(slotId('2026-01-13'));
  });

  it('returns the stored record for a slot that was already stored as planned', () => {
    const stored = meeting({ id: slotId('2026-01-13'), startsAt: '2026-01-13T14:00:00Z', fromCadence: true });
    const next = nextMeeting(c, [stored], at('2026-01-07T00:00:00Z'));
    expect(next).toEqual({ id: slotId('2026-01-13'), startsAt: '2026-01-13T14:00:00.000Z', stored, fromCadence: true });
  });

  it('does not bring back a cancelled slot', () => {
    const cancelled = meeting({ id: slotId('2026-01-13'), startsAt: '2026-01-13T14:00:00.000Z', status: 'cancelled' });
    expect(nextMeeting(c, [cancelled], at('2026-01-07T00:00:00Z')).id).toBe(slotId('2026-01-20'));
  });

  it('does not bring back a slot held early', () => {
    const heldEarly = meeting({ id: slotId('2026-01-13'), startsAt: '2026-01-12T14:00:00.000Z', status: 'held' });
    expect(nextMeeting(c, [heldEarly], at('2026-01-12T20:00:00Z')).id).toBe(slotId('2026-01-20'));
  });

  it('ignores a planned meeting already in the past, and its slot', () => {
    const stale = meeting({ id: slotId('2026-01-13'), startsAt: '2026-01-13T14:00:00.000Z', fromCadence: true });
    expect(nextMeeting(c, [stale], at('2026-01-13T15:00:00Z')).id).toBe(slotId('2026-01-20'));
  });

  it('looks far enough ahead past many cancelled slots', () => {
    const cancelled = ['2026-01-13', '2026-01-20', '2026-01-27', '2026-02-03', '2026-02-10', '2026-02-17'].map((d) =>
      meeting({ id: slotId(d), startsAt: `${d}T14:00:00.000Z`, status: 'cancelled' }),
    );
    expect(nextMeeting(c, cancelled, at('2026-01-07T00:00:00Z')).id).toBe(slotId('2026-02-24'));
  });

  it('is not thrown off by a long history of held cadence meetings', () => {
    const history = Array.from({ length: 300 }, (_, i) => {
      const date = addDays('2020-03-03', 7 * i);
      return meeting({ id: slotId(date), startsAt: `${date}T14:00:00.000Z`, status: 'held', fromCadence: true });
    });
    expect(upcomingMeetings(c, history, at('2026-01-07T00:00:00Z'), 2).map((m) => m.id)).toEqual([
      slotId('2026-01-13'),
      slotId('2026-01-20'),
    ]);
  });

  it('reads the date back from a cadence id, and only from this client’s', () => {
    expect(cadenceIdDate('acme', slotId('2026-01-13'))).toBe('2026-01-13');
    expect(cadenceIdDate('globex', slotId('2026-01-13'))).toBeNull();
    expect(cadenceIdDate('acme', '0190a1b2-0000-7000-8000-000000000000')).toBeNull();
  });

  it('ignores meetings of other clients, even one carrying this client’s slot id', () => {
    const theirs = [
      meeting({ id: 'x-1', clientId: 'globex', startsAt: '2026-01-08T14:00:00.000Z' }),
      meeting({
        id: slotId('2026-01-13'),
        clientId: 'globex',
        startsAt: '2026-01-13T14:00:00.000Z',
        status: 'cancelled',
      }),
    ];
    expect(nextMeeting(c, theirs, at('2026-01-07T00:00:00Z'))).toMatchObject({
      id: slotId('2026-01-13'),
      stored: null,
    });
  });

  it('treats a meeting "today" that has started as past and one still ahead as next', () => {
    expect(nextMeeting(c, [], at('2026-01-13T13:30:00Z')).id).toBe(slotId('2026-01-13'));
    expect(nextMeeting(c, [], at('2026-01-13T14:30:00Z')).id).toBe(slotId('2026-01-20'));
  });

  it('prefers the stored meeting on a tie with a slot', () => {
    const adHoc = meeting({ id: 'm-same-time', startsAt: '2026-01-13T14:00:00.000Z' });
    expect(nextMeeting(c, [adHoc], at('2026-01-07T00:00:00Z')).id).toBe('m-same-time');
  });
});

describe('upcomingMeetings', () => {
  it('lists a slot moved later at its new time, once', () => {
    const moved = meeting({ id: slotId('2026-01-13'), startsAt: '2026-01-22T15:00:00.000Z', fromCadence: true });
    expect(brief(upcomingMeetings(c, [moved], at('2026-01-07T00:00:00Z'), 3))).toEqual([
      'acme@2026-01-20 2026-01-20T14:00:00.000Z slot',
      'acme@2026-01-13 2026-01-22T15:00:00.000Z stored',
      'acme@2026-01-27 2026-01-27T14:00:00.000Z slot',
    ]);
  });

  it('lists a slot moved earlier at its new time, and not at its old one', () => {
    const moved = meeting({ id: slotId('2026-01-20'), startsAt: '2026-01-10T15:00:00.000Z', fromCadence: true });
    expect(brief(upcomingMeetings(c, [moved], at('2026-01-07T00:00:00Z'), 3))).toEqual([
      'acme@2026-01-20 2026-01-10T15:00:00.000Z stored',
      'acme@2026-01-13 2026-01-13T14:00:00.000Z slot',
      'acme@2026-01-27 2026-01-27T14:00:00.000Z slot',
    ]);
  });

  it('mixes ad-hoc meetings, cancelled slots and held meetings in order', () => {
    const meetings = [
      meeting({ id: slotId('2026-01-06'), startsAt: '2026-01-06T14:00:00.000Z', status: 'held' }),
      meeting({ id: slotId('2026-01-20'), startsAt: '2026-01-20T14:00:00.000Z', status: 'cancelled' }),
      meeting({ id: 'm-budget', startsAt: '2026-01-21T18:00:00.000Z' }),
      meeting({ id: 'm-old', startsAt: '2026-01-10T18:00:00.000Z', status: 'cancelled' }),
    ];
    expect(upcomingMeetings(c, meetings, at('2026-01-07T00:00:00Z'), 4).map((m) => m.id)).toEqual([
      slotId('2026-01-13'),
      'm-budget',
      slotId('2026-01-27'),
      slotId('2026-02-03'),
    ]);
  });

  it('gives exactly count meetings, and none for 0', () => {
    expect(upcomingMeetings(c, [], at('2026-01-07T00:00:00Z'), 5)).toHaveLength(5);
    expect(upcomingMeetings(c, [], at('2026-01-07T00:00:00Z'), 0)).toEqual([]);
    expect(() => upcomingMeetings(c, [], at('2026-01-07T00:00:00Z'), 1.5)).toThrow(/count/);
  });
});

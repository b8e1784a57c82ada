import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../../shared/domain';
import { defaultPlacement } from '../../../shared/rules';
import { at } from './fixtures';

// The next meeting: Tuesday 2026-12-08 at 09:00 in Toronto; "now" is Thursday 2026-11-26, 10:00 there.
const next = { startsAt: '2026-12-08T14:00:00.000Z' };
const zone = 'America/Toronto';
const now = at('2026-11-26T15:00:00Z');
const place = (kind: ItemKind, urgent = false, decideBy: string | null = null, when = now, meeting = next) =>
  defaultPlacement({ kind, urgent, decideBy }, meeting, zone, when);

describe('defaultPlacement by kind', () => {
  it.each([
    ['proposal', 'decision-to-prepare', 'Proposals go to Decisions to prepare for leadership'],
    ['quote', 'decision-to-prepare', 'Quotes go to Decisions to prepare for leadership'],
    ['contract', 'vendor-follow-up', 'Contracts go to Vendor follow-up'],
    ['renewal', 'vendor-follow-up', 'Renewals go to Vendor follow-up'],
    ['change', 'vendor-follow-up', 'Provider changes go to Vendor follow-up'],
    ['other', 'vendor-follow-up', 'Other items go to Vendor follow-up'],
    ['project', 'project-review', 'Projects go to Project review'],
  ] as const)('files a %s under %s, to prepare on that meeting', (kind, section, reason) => {
    expect(place(kind)).toEqual({ section, status: 'to-prepare', urgent: false, handleBefore: null, reason });
  });

  it('makes an incident urgent, to handle before the meeting', () => {
    expect(place('incident')).toEqual({
      section: 'urgent',
      status: 'to-prepare',
      urgent: true,
      handleBefore: '2026-12-08',
      reason: 'Incidents are urgent: evaluate before the meeting on Tue 8 Dec 2026',
    });
  });
});

describe('defaultPlacement for urgent items', () => {
  it('flags a user-urgent item for handling before the meeting, not at it', () => {
    expect(place('proposal', true)).toEqual({
      section: 'urgent',
      status: 'to-prepare',
      urgent: true,
      handleBefore: '2026-12-08',
      reason: 'Flagged urgent: handle before the meeting on Tue 8 Dec 2026',
    });
  });

  it('uses the decide-by date when it comes before the meeting', () => {
    expect(place('contract', true, '2026-12-01')).toMatchObject({ urgent: true, handleBefore: '2026-12-01' });
  });

  it('keeps the meeting date when the decide-by date is later', () => {
    expect(place('contract', true, '2026-12-20')).toMatchObject({ urgent: true, handleBefore: '2026-12-08' });
  });

  it('makes an item urgent when its decide-by date is before the meeting', () => {
    expect(place('quote', false, '2026-12-01')).toEqual({
      section: 'urgent',
      status: 'to-prepare',
      urgent: true,
      handleBefore: '2026-12-01',
      reason: 'Decide by Tue 1 Dec 2026 is before the meeting on Tue 8 Dec 2026',
    });
  });

  it('makes an item urgent when its decide-by date is today or past', () => {
    expect(place('project', false, '2026-11-26')).toMatchObject({
      section: 'urgent',
      urgent: true,
      handleBefore: '2026-11-26',
      reason: 'Decide by Thu 26 Nov 2026 is today, before the meeting on Tue 8 Dec 2026',
    });
    expect(place('project', false, '2026-11-20')).toMatchObject({
      section: 'urgent',
      urgent: true,
      reason: 'Decide by Fri 20 Nov 2026 has already passed: handle it now',
    });
  });

  it('leaves an item decided on the meeting day, or after, where its kind puts it', () => {
    expect(place('quote', false, '2026-12-08')).toMatchObject({ section: 'decision-to-prepare', urgent: false });
    expect(place('renewal', false, '2027-01-31')).toMatchObject({ section: 'vendor-follow-up', handleBefore: null });
  });

  it("reads the meeting's date and today in the client's zone, not UTC", () => {
    // 03:00Z on the 8th is still the evening of the 7th in Toronto: a decision due on the 7th is on time.
    const lateMeeting = { startsAt: '2026-12-08T03:00:00.000Z' };
    expect(place('quote', false, '2026-12-07', now, lateMeeting)).toMatchObject({ urgent: false });
    expect(place('quote', true, null, now, lateMeeting)).toMatchObject({ handleBefore: '2026-12-07' });
    // 02:00Z on the 27th is 21:00 on the 26th in Toronto: a decision due on the 26th is today, not past.
    expect(place('quote', false, '2026-11-26', at('2026-11-27T02:00:00Z')).reason).toContain('is today');
  });

  it('refuses a malformed decide-by date or meeting instant', () => {
    expect(() => place('quote', false, '2026-02-30')).toThrow(/decide-by/);
    expect(() => place('quote', false, null, now, { startsAt: 'soon' })).toThrow(/instant/);
  });
});

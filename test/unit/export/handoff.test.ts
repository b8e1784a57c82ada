import { describe, expect, it } from 'vitest';
import {
  agendaMarkdown,
  exportClientLog,
  handoffFiles,
  isSafePath,
  minutesMarkdown,
  parseClientLog,
} from '../../../shared/export';
import { client, harborContract, held, log, planned, TODAY } from './fixture';

describe('handoffFiles', () => {
  const files = handoffFiles({ log, today: TODAY });

  it('holds the README, the three registers, one file per meeting and the JSON log, at safe paths', () => {
    expect(Object.keys(files)).toEqual([
      'README.md',
      'vendors-and-contracts.md',
      'open-follow-ups.md',
      'decision-history.md',
      'meetings/2026-11-10-held.md',
      'meetings/2026-12-08-planned.md',
      'client-log.json',
    ]);
    for (const path of Object.keys(files)) expect(isSafePath(path)).toBe(true);
  });

  it('is re-importable: its client-log.json parses back to the same log', () => {
    const result = parseClientLog(files['client-log.json']!);
    expect(result.ok).toBe(true);
    expect(files['client-log.json']).toBe(exportClientLog(log, new Date('2026-12-01T00:00:00.000Z')));
  });

  it('has the minutes of held meetings and the agenda, without deadlines, of planned ones', () => {
    expect(files['meetings/2026-11-10-held.md']).toBe(minutesMarkdown({ client, meeting: held }));
    expect(files['meetings/2026-12-08-planned.md']).toBe(
      agendaMarkdown({ client, meeting: planned, items: log.items, vendors: log.vendors }),
    );
  });

  it('is the same given the same inputs, whatever order the records come in', () => {
    const shuffled = { ...log, items: [...log.items].reverse(), vendors: [...log.vendors].reverse() };
    expect(handoffFiles({ log: shuffled, today: TODAY })).toEqual(files);
  });

  it('numbers two meetings on the same day instead of overwriting one', () => {
    const adHoc = { ...planned, id: 'ad-hoc', startsAt: '2026-12-08T19:00:00.000Z', fromCadence: false };
    const paths = Object.keys(handoffFiles({ log: { ...log, meetings: [...log.meetings, adHoc] }, today: TODAY }));
    expect(paths).toContain('meetings/2026-12-08-planned.md');
    expect(paths).toContain('meetings/2026-12-08-planned-2.md');
  });

  it('uses the contract-dates rule it is given', () => {
    const pack = handoffFiles({
      log,
      today: TODAY,
      contractDates: (c) => ({
        termEnd: c.termEnd,
        noticeDeadline: c.id === harborContract.id ? '2026-12-20' : '2026-12-06',
      }),
    });
    expect(pack['vendors-and-contracts.md']).toContain('give notice by Sun 20 Dec 2026 to stop it renewing');
  });

  it('rolls an auto-renewing contract past its term with the contract-dates rule', () => {
    const pack = handoffFiles({ log, today: '2027-03-01' })['vendors-and-contracts.md']!;
    expect(pack).toContain('- **Current term ends:** Mon 31 Jan 2028');
    expect(pack).toContain(
      'give notice by Thu 2 Dec 2027 to stop it renewing; otherwise it renews for 12 months on Tue 1 Feb 2028',
    );
  });

  it('says when a notice deadline has passed and when a contract has ended', () => {
    const pack = handoffFiles({ log, today: '2027-01-20' })['vendors-and-contracts.md']!;
    expect(pack).toContain(
      'the notice deadline (Wed 2 Dec 2026) has passed: it renews for 12 months on Mon 1 Feb 2027',
    );
    expect(pack).toContain('none: it ended on Tue 5 Jan 2027');
  });
});

describe('isSafePath', () => {
  it.each(['../etc/passwd', '/abs.md', 'meetings/../x.md', 'a\\b.md', '', 'meetings/', './x.md', 'C:/x.md'])(
    'refuses %j',
    (path) => expect(isSafePath(path)).toBe(false),
  );
});

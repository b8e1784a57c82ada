import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agendaIcs,
  agendaMarkdown,
  decisionBriefMarkdown,
  exportClientLog,
  handoffFiles,
  minutesMarkdown,
} from '../../../shared/export';
import { expectGolden, goldenPath, UPDATING } from './golden';
import { backup, captures, client, deadlines, firewall, harbor, held, log, NOW, planned, TODAY } from './fixture';

const plannedAgenda = () =>
  agendaMarkdown({
    client,
    meeting: planned,
    items: log.items.filter((i) => i.meetingId === planned.id),
    vendors: log.vendors,
    deadlines,
  });

describe('golden files', () => {
  it('agenda.md: the December agenda with its deadlines', () => {
    expectGolden('agenda.md', plannedAgenda());
  });

  it('agenda.ics: the December meeting as a calendar event', () => {
    expectGolden('agenda.ics', agendaIcs({ client, meeting: planned, agenda: plannedAgenda(), now: NOW }));
  });

  it('minutes.md: the November minutes from the frozen agenda', () => {
    expectGolden('minutes.md', minutesMarkdown({ client, meeting: held }));
  });

  it('decision-brief.md: the firewall decision, taken', () => {
    expectGolden(
      'decision-brief.md',
      decisionBriefMarkdown({ client, item: firewall, vendor: harbor, captures, items: log.items }),
    );
  });

  it('decision-brief-proposed.md: the backup decision, still to take', () => {
    expectGolden(
      'decision-brief-proposed.md',
      decisionBriefMarkdown({ client, item: backup, vendor: harbor, captures }),
    );
  });

  it('client-log.json: the whole log', () => {
    expectGolden('client-log.json', exportClientLog(log, NOW));
  });

  it('handoff/: every file of the pack, and no other', () => {
    const files = handoffFiles({ log, today: TODAY });
    for (const [path, text] of Object.entries(files)) expectGolden(`handoff/${path}`, text);
    if (UPDATING) return;
    const onDisk = (dir: string): string[] =>
      readdirSync(goldenPath(dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? onDisk(`${dir}/${e.name}`) : [`${dir}/${e.name}`.replace(/^handoff\//, '')],
      );
    expect(Object.keys(files).sort()).toEqual(onDisk('handoff').sort());
  });
});

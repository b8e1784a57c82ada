import { describe, expect, it } from 'vitest';
import { minutesMarkdown } from '../../../shared/export';
import { client, held, planned, wifi } from './fixture';

const section = (md: string, heading: string) => md.split(/\n(?=## )/).find((s) => s.startsWith(`## ${heading}`)) ?? '';

describe('minutesMarkdown', () => {
  it('refuses a meeting that is not held, saying why', () => {
    expect(() => minutesMarkdown({ client, meeting: planned })).toThrow(
      'There are no minutes yet: the meeting of Tuesday 8 December 2026, 09:00 (America/Toronto) is planned, not held.',
    );
    expect(() => minutesMarkdown({ client, meeting: { ...held, heldAgenda: null } })).toThrow(/no minutes yet/);
  });

  it('comes from the agenda frozen at the meeting, not from the items as they are now', () => {
    const md = minutesMarkdown({ client, meeting: held });
    expect(md).toContain('**Wi-Fi refresh in the treatment rooms** —');
    expect(md).not.toContain(wifi.title); // renamed since
    expect(md).not.toContain('- [x]'); // actions ticked off since
  });

  it('puts decisions, actions, what was discussed and what was carried forward in their sections', () => {
    const md = minutesMarkdown({ client, meeting: held });
    expect(md.match(/^## .*$/gm)).toEqual([
      '## Decisions',
      '## Actions',
      '## Discussed',
      '## Carried forward',
      '## Notes',
    ]);
    expect(section(md, 'Decisions').match(/^- /gm)).toHaveLength(2);
    expect(section(md, 'Actions').match(/^- \[ \] /gm)).toHaveLength(4);
    expect(section(md, 'Discussed').match(/^- /gm)).toHaveLength(3);
    expect(section(md, 'Carried forward')).toContain('Maple Voice phone contract ends 5 January');
    expect(section(md, 'Notes')).toContain('Present: Dr. Amelia Chen');
  });

  it('says "None" for empty sections and keeps a proposed, unwritten decision out of Decisions', () => {
    const line = { ...held.heldAgenda![0]!, decision: { status: 'proposed' as const, decision: '', decidedBy: null } };
    const md = minutesMarkdown({ client, meeting: { ...held, heldAgenda: [line], minutes: '' } });
    for (const s of ['Decisions', 'Actions', 'Carried forward', 'Notes']) expect(section(md, s)).toContain('_None._');
  });

  it('lists lines by section whatever order they were frozen in', () => {
    const reversed = { ...held, heldAgenda: [...held.heldAgenda!].reverse() };
    expect(minutesMarkdown({ client, meeting: reversed })).toBe(minutesMarkdown({ client, meeting: held }));
  });
});

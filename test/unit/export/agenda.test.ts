import { describe, expect, it } from 'vitest';
import { agendaMarkdown, type AgendaInput } from '../../../shared/export';
import {
  backup,
  client,
  deadlines,
  firewall,
  harborNotice,
  log,
  mapleRenewal,
  planned,
  pmUpgrade,
  sipPricing,
} from './fixture';

const input = (over: Partial<AgendaInput> = {}): AgendaInput => ({
  client,
  meeting: planned,
  items: log.items,
  vendors: log.vendors,
  deadlines,
  ...over,
});
const section = (md: string, heading: string) => md.split(/\n(?=## )/).find((s) => s.startsWith(`## ${heading}`)) ?? '';

describe('agendaMarkdown', () => {
  it('lists the four sections in the fixed order, then the deadlines', () => {
    const headings = agendaMarkdown(input()).match(/^## .*$/gm);
    expect(headings).toEqual([
      '## 1. Project review',
      '## 2. Vendor follow-up',
      '## 3. Decisions to prepare for leadership',
      '## 4. Urgent items',
      '## Deadlines before the next meeting',
    ]);
  });

  it('says so when a section is empty, and when there are no deadlines', () => {
    const md = agendaMarkdown(input({ items: [pmUpgrade], deadlines: [] }));
    expect(section(md, '2. Vendor follow-up')).toContain('_Nothing this time._');
    expect(section(md, '4. Urgent items')).toContain('_Nothing this time._');
    expect(section(md, '1. Project review')).not.toContain('_Nothing this time._');
    expect(section(md, 'Deadlines')).toContain('_No deadlines before the next meeting._');
  });

  it('leaves the deadlines section out when no deadlines are given', () => {
    expect(agendaMarkdown(input({ deadlines: undefined }))).not.toContain('Deadlines');
  });

  it('keeps only the items prepared for this meeting: not other meetings, not the inbox, not withdrawn', () => {
    const withdrawn = { ...pmUpgrade, id: 'withdrawn', title: 'Withdrawn idea', status: 'withdrawn' as const };
    const md = agendaMarkdown(input({ items: [...log.items, withdrawn] }));
    expect(md).not.toContain(firewall.title); // November's
    expect(md).not.toContain(sipPricing.title); // inbox
    expect(md).not.toContain('Withdrawn idea');
    for (const item of [pmUpgrade, mapleRenewal, backup, harborNotice]) expect(md).toContain(item.title);
  });

  it('orders items by their agenda position, whatever order they come in', () => {
    const second = { ...mapleRenewal, id: 'second', title: 'AAA comes second', agendaOrder: 5 };
    const md = agendaMarkdown(input({ items: [second, mapleRenewal] }));
    expect(md.indexOf(mapleRenewal.title)).toBeLessThan(md.indexOf('AAA comes second'));
    expect(agendaMarkdown(input({ items: [...log.items].reverse() }))).toBe(agendaMarkdown(input()));
  });

  it('shows the recommendation only for decisions to prepare', () => {
    const md = agendaMarkdown(input());
    expect(section(md, '3. Decisions')).toContain('Take the cloud backup offered by Harbor IT.');
    const elsewhere = { ...backup, section: 'vendor-follow-up' as const };
    expect(agendaMarkdown(input({ items: [elsewhere] }))).not.toContain('Recommendation');
  });

  it('flags urgent items and deadlines that fall before the meeting', () => {
    const md = agendaMarkdown(input());
    expect(md).toContain(`- **${harborNotice.title}** — **URGENT**`);
    expect(md).toMatch(/\*\*Tue 1 Dec 2026\*\* — Decide by: .*\n {2}- \*\*Before this meeting \(Tue 8 Dec 2026\)\*\*/);
    expect(md).toMatch(/\*\*Tue 15 Dec 2026\*\* — .*\n {2}- After this meeting, before the next one/);
    // One statement of where each deadline falls, never two that disagree.
    expect(md).not.toMatch(/before this meeting\*\* —|due before the meeting on/);
  });

  it('escapes titles taken from captured pages, so they cannot open headings, links or HTML', () => {
    const hostile = {
      ...pmUpgrade,
      title: '# <img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold*\n## fake',
    };
    const md = agendaMarkdown(input({ items: [hostile] }));
    expect(md).toContain(
      '- **# \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1)) \\*bold\\* ## fake**',
    );
    expect(md.match(/^## /gm)).toHaveLength(5);
  });

  it('writes the start on the wall clock of the given zone', () => {
    const md = agendaMarkdown(input({ timeZone: 'Europe/Paris' }));
    expect(md.split('\n')[0]).toBe(
      '# Northwind Dental — governance meeting, Tuesday 8 December 2026, 15:00 (Europe/Paris)',
    );
  });
});

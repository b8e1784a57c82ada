import { describe, expect, it } from 'vitest';
import { decisionBriefMarkdown } from '../../../shared/export';
import { captures, client, firewall, harbor, log, oldFirewall, pmUpgrade } from './fixture';

const headings = (md: string) => md.match(/^## .*$/gm) ?? [];

describe('decisionBriefMarkdown', () => {
  it('for an item with no decision yet: context and recommendation say they are to be written, the rest is left out', () => {
    const md = decisionBriefMarkdown({ client, item: pmUpgrade, vendor: null, captures: [] });
    expect(headings(md)).toEqual(['## Context', '## Recommendation']);
    expect(md.match(/_To be written\._/g)).toHaveLength(2);
    expect(md).toContain('- **Status:** On agenda\n');
    expect(md).not.toContain('Vendor');
  });

  it('for a decision taken: every section of the record, in board-paper order', () => {
    const md = decisionBriefMarkdown({ client, item: firewall, vendor: harbor, captures, items: log.items });
    expect(headings(md)).toEqual([
      '## Context',
      '## Options considered',
      '## Recommendation',
      '## Decision',
      '## Rationale',
      '## Decision record',
      '## Frameworks',
      '## Evidence',
      '## Follow-up actions',
    ]);
    // The decision's own record, not the edit log.
    expect(md).not.toMatch(/updated the item|Change history/);
    expect(md).toMatch(/- \*\*Opened:\*\* \w{3} \d+ \w{3} \d{4} by /);
  });

  it('annualises recurring option costs and keeps currencies apart', () => {
    const quarterly = {
      ...firewall.decision!.options[0]!,
      recurring: { value: 300, currency: 'EUR', recurrence: 'quarterly' as const },
    };
    const item = { ...firewall, decision: { ...firewall.decision!, options: [quarterly] } };
    const md = decisionBriefMarkdown({ client, item, vendor: harbor, captures: [] });
    expect(md).toMatch(/\| CA\$6,800\.00 +\| €1,200\.00\/year \(€300\.00\/quarter\) +\| Low +\|/);
  });

  it('lists only this item’s evidence, oldest first, with where it came from', () => {
    const md = decisionBriefMarkdown({ client, item: firewall, vendor: harbor, captures });
    const evidence = md.split('## Evidence')[1]!.split('\n## ')[0]!;
    expect(evidence.trim().split('\n')).toHaveLength(2);
    expect(evidence).toContain('e-mail from Priya Raman');
    expect(evidence).not.toContain('Harbor IT managed services agreement');
  });

  it('names superseded decisions when the items are given, and falls back to the id otherwise', () => {
    const named = decisionBriefMarkdown({ client, item: firewall, vendor: harbor, captures: [], items: log.items });
    expect(named).toContain(`- **Supersedes:** “${oldFirewall.title}” (decided Tue 11 Nov 2025)`);
    const bare = decisionBriefMarkdown({ client, item: firewall, vendor: harbor, captures: [] });
    expect(bare).toContain(`- **Supersedes:** item \`${oldFirewall.id}\``);
  });

  it('shows who decided with their role, and a file capture by its name', () => {
    const file = { ...captures[0]!, itemId: pmUpgrade.id, source: { url: null, title: '', site: '' } };
    const withFile = { ...file, file: { name: 'budget.xlsx', type: 'application/vnd.ms-excel', size: 1 } };
    const md = decisionBriefMarkdown({ client, item: pmUpgrade, vendor: null, captures: [withFile] });
    expect(md).toContain('- **budget.xlsx** — file budget.xlsx — captured Tue 20 Oct 2026');
    const fw = decisionBriefMarkdown({ client, item: firewall, vendor: harbor, captures: [] });
    expect(fw).toContain('- **Decided by:** Dr. Amelia Chen, Managing partner\n- **Decided on:** Tue 10 Nov 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { type Decision, Decision as DecisionSchema, type HistoryEntry } from '../../../shared/domain';
import { historyMinutes } from '../../../shared/history/sessions';
import { describeChange } from '../../../shared/history/words';
import { updateItem } from '../../../extension/store/items';
import { itemHistory } from '../../../extension/store/history';
import { fileItem, freshDb, makeClient } from '../../support/store';

const decision = (over: Partial<Decision> = {}): Decision => ({ ...DecisionSchema.parse({}), ...over });
const opt = (id: string, title: string, oneTime: number | null) => ({
  id,
  title,
  oneTime: oneTime === null ? null : { value: oneTime, currency: 'CAD', recurrence: 'one-time' as const },
  recurring: null,
  risk: 'medium' as const,
  notes: '',
});

let n = 0;
function entry(at: string, by: string, field: string, from: unknown, to: unknown, over: Partial<HistoryEntry> = {}) {
  n += 1;
  return {
    id: `0190000${String(n).padStart(5, '0')}`,
    entity: 'item',
    entityId: 'item-1',
    itemId: 'item-1',
    action: 'update',
    at,
    by,
    changes: [{ field, from, to }],
    ...over,
  } as HistoryEntry;
}

describe('history read as minutes', () => {
  it('one editing session of a decision is one entry, each part before → after in words', () => {
    const steps: Decision[] = [decision()];
    const longContext = 'The firewall pair at the main clinic reaches end of support in March. '.repeat(3);
    steps.push(decision({ context: 'The firewall' }));
    steps.push(decision({ context: longContext }));
    steps.push({ ...steps.at(-1)!, options: [opt('o1', 'Replace with FortiGate 100F', 18_640)] });
    steps.push({
      ...steps.at(-1)!,
      options: [opt('o1', 'Replace with FortiGate 100F', 18_640), opt('o2', 'Extend support', 4_200)],
    });
    steps.push({
      ...steps.at(-1)!,
      options: [opt('o1', 'Replace with FortiGate 100F', 19_100), opt('o2', 'Extend support', 4_200)],
    });
    steps.push({ ...steps.at(-1)!, recommendation: 'Replace' });
    steps.push({ ...steps.at(-1)!, status: 'accepted', decidedBy: { name: 'Julie Côté', role: 'CEO' } });
    const entries = steps
      .slice(1)
      .map((d, i) =>
        entry(`2026-12-04T15:${String(10 + i).padStart(2, '0')}:00.000Z`, 'Alice Martin', 'decision', steps[i], d),
      );
    const minutes = historyMinutes(entries);
    expect(minutes).toHaveLength(1);
    const [m] = minutes;
    expect(m!.writes).toBe(7);
    expect(m!.by).toBe('Alice Martin');
    const text = m!.lines.map((l) => `${l.label}: ${l.text}`);
    expect(text).toContain('Decision: status Proposed → Accepted; decided by: Julie Côté, CEO');
    expect(text).toContain('Recommendation: empty → “Replace”');
    expect(text.find((t) => t.startsWith('Options considered'))).toBe(
      'Options considered: option added: “Replace with FortiGate 100F” (CA$19,100.00 one-time); option added: “Extend support” (CA$4,200.00 one-time)',
    );
    const context = m!.lines.find((l) => l.label === 'Context')!;
    expect(context.text).toMatch(/^empty → “The firewall pair .*…”$/);
    expect(context.full!.to).toBe(longContext);
    expect(text.join('\n')).not.toMatch(/[{}"]/); // no raw JSON
  });

  it('an option changed later is diffed by part', () => {
    const before = decision({ options: [opt('o1', 'Replace', 18_640)] });
    const after = decision({ options: [{ ...opt('o1', 'Replace', 19_100), risk: 'low' }] });
    expect(describeChange('decision', before, after)).toEqual([
      {
        label: 'Options considered',
        text: 'option “Replace” (CA$19,100.00 one-time): one-time cost CA$18,640.00 one-time → CA$19,100.00 one-time; risk Medium → Low',
      },
    ]);
  });

  it('another person, a pause of more than ten minutes, or a conflict start a new entry', () => {
    const minutes = historyMinutes([
      entry('2026-12-04T15:00:00.000Z', 'Alice Martin', 'status', 'to-prepare', 'on-agenda'),
      entry('2026-12-04T15:02:00.000Z', 'Bob Tremblay', 'decideBy', null, '2026-12-31'),
      entry('2026-12-04T15:03:00.000Z', 'Alice Martin', 'urgent', false, true),
      entry('2026-12-04T15:30:00.000Z', 'Alice Martin', 'urgent', true, false),
      entry('2026-12-04T15:31:00.000Z', 'Alice Martin', 'title', 'A', 'B', { conflict: true }),
    ]);
    expect(minutes.map((m) => [m.by, m.what, m.lines.map((l) => `${l.label}: ${l.text}`)])).toEqual([
      ['Alice Martin', 'edited', ['Status: To prepare → On agenda']],
      ['Bob Tremblay', 'edited', ['Decide by: none → Thu 31 Dec 2026']],
      ['Alice Martin', 'edited', ['Urgent: no → yes']],
      ['Alice Martin', 'edited', ['Urgent: yes → no']],
      ['Alice Martin', 'conflict', []],
    ]);
  });

  it('a field changed and changed back in one session says so rather than listing noise', () => {
    const minutes = historyMinutes([
      entry('2026-12-04T15:00:00.000Z', 'Alice Martin', 'section', 'urgent', 'vendor-follow-up'),
      entry('2026-12-04T15:01:00.000Z', 'Alice Martin', 'section', 'vendor-follow-up', 'urgent'),
    ]);
    expect(minutes[0]!.lines).toEqual([{ label: 'No net change', text: 'edited, then put back as it was' }]);
  });

  it('names meetings and vendors through the given lookups, never as ids', () => {
    const names = { meeting: () => 'Tue 8 Dec 2026', vendor: () => 'Harbor IT' };
    expect(describeChange('meetingId', null, 'm1', names)[0]!.text).toBe('none → Tue 8 Dec 2026');
    expect(describeChange('vendorId', 'v0', 'v1', names)[0]!.text).toBe('Harbor IT → Harbor IT');
  });

  it('from the store: creation, then one session of edits', async () => {
    const db = freshDb();
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Firewall renewal');
    const at = (min: number) => ({ by: 'Alice Martin', at: `2026-11-26T15:${String(min).padStart(2, '0')}:00.000Z` });
    await updateItem(db, at(1), item.id, { status: 'to-prepare' });
    await updateItem(db, at(2), item.id, { decideBy: '2026-12-31' });
    await updateItem(db, at(3), item.id, { status: 'on-agenda' });
    const minutes = historyMinutes(await itemHistory(db, item.id));
    expect(minutes.map((m) => m.summary)).toEqual([
      'created this item',
      'added evidence: Firewall renewal',
      'edited the item',
    ]);
    expect(minutes[2]!.lines.map((l) => `${l.label}: ${l.text}`)).toEqual([
      'Status: Inbox → On agenda',
      'Decide by: none → Thu 31 Dec 2026',
    ]);
  });
});

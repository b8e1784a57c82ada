// @vitest-environment jsdom
import { render } from 'preact';
import { expect, it } from 'vitest';
import { Decision, type HistoryEntry } from '../../../shared/domain';
import { HistoryMinutes } from '../../../extension/ui/log/item/HistoryMinutes';

const decision = (over: object) => ({ ...Decision.parse({}), ...over });
const conflict = (field: string, lost: unknown, kept: unknown, id: string): HistoryEntry => ({
  id,
  entity: 'item',
  entityId: 'item-1',
  itemId: 'item-1',
  action: 'update',
  at: '2026-12-04T15:00:00.000Z',
  by: 'Bob Tremblay',
  changes: [{ field, from: lost, to: kept }],
  conflict: true,
});

it('a conflict says in words what was kept and what the other version had, never as JSON', () => {
  const root = document.body.appendChild(document.createElement('div'));
  const entries = [
    conflict('status', 'on-agenda', 'decided', '01900000000001'),
    conflict(
      'decision',
      decision({ recommendation: 'Extend support' }),
      decision({ recommendation: 'Replace' }),
      '01900000000002',
    ),
  ];
  render(<HistoryMinutes entries={entries} names={{}} />, root);
  const text = [...root.querySelectorAll('[data-testid=conflict]')].map((c) => c.textContent);
  expect(text[0]).toMatch(/Status was edited in two places at once/);
  expect(text[0]).toMatch(/kept Decided \(Bob Tremblay\); the other value, On agenda, is kept here/);
  expect(text[1]).toMatch(/Decision was edited in two places at once/);
  expect(text[1]).toMatch(/the other version, kept here, differed:Recommendation: “Replace” → “Extend support”/);
  expect(root.textContent).not.toMatch(/[{}]|"/);
  render(null, root);
});

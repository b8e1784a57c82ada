/** `decision-history.md`: every decision taken, newest first, with who took it, why, and what it replaced. */
import type { Item } from '../domain';
import { DECISION_STATUS_LABEL } from './labels';
import { formatDate } from './format';
import { block, document, inline } from './markdown';
import { compare } from './order';
import type { LogData } from './types';

function taken(item: Item): boolean {
  return item.decision !== null && item.decision.status !== 'proposed';
}

function heading(item: Item): string {
  const on = item.decision?.decidedOn;
  return `${on ? formatDate(on) : 'Date not recorded'} — ${inline(item.title)}`;
}

function reference(id: string, items: Map<string, Item>): string {
  const other = items.get(id);
  return other ? `“${heading(other)}”` : `item \`${id}\` (not in this log)`;
}

function entry(item: Item, items: Map<string, Item>): string {
  const d = item.decision!;
  const by = d.decidedBy?.name.trim()
    ? [d.decidedBy.name, d.decidedBy.role]
        .filter((s) => s.trim())
        .map(inline)
        .join(', ')
    : '_not recorded_';
  const facts = [
    `- **Status:** ${DECISION_STATUS_LABEL[d.status]}`,
    `- **Decided by:** ${by}`,
    `- **Decided on:** ${d.decidedOn ? formatDate(d.decidedOn) : '_not recorded_'}`,
    d.supersedes ? `- **Supersedes:** ${reference(d.supersedes, items)}` : null,
    d.supersededBy ? `- **Superseded by:** ${reference(d.supersededBy, items)}` : null,
  ].filter((f) => f !== null);
  return document([
    `## ${heading(item)}`,
    facts.join('\n'),
    `**Decision.** ${block(d.decision) || '_not written_'}`,
    `**Rationale.** ${block(d.rationale) || '_not written_'}`,
  ]).trimEnd();
}

export function decisionHistoryMarkdown(log: LogData): string {
  const items = new Map(log.items.map((i) => [i.id, i]));
  const decided = log.items
    .filter(taken)
    .sort(
      (a, b) =>
        compare(b.decision!.decidedOn ?? '', a.decision!.decidedOn ?? '') ||
        compare(a.title, b.title) ||
        compare(a.id, b.id),
    );
  return document([
    `# ${inline(log.client.name)} — decision history`,
    decided.length ? `${decided.length} decisions, newest first.` : '_No decisions recorded._',
    ...decided.map((i) => entry(i, items)),
  ]);
}

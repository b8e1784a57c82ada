/**
 * A one-item brief for leadership, in the vocabulary of a board paper: what is asked, the options with their cost
 * and risk, the recommendation, and — once taken — the decision, who took it and why, with the evidence behind it.
 * Empty sections are left out, except Context and Recommendation, whose absence the reader must see. It shows the
 * decision's own record (who decided, when, what it supersedes), not the edit log: that is the item's history.
 */
import { STATUS_LABEL, type Capture, type Client, type Item, type Vendor } from '../domain';
import { COBIT_LABEL, DECISION_STATUS_LABEL, NIST_LABEL } from './labels';
import { formatDate, itemAmountText, localDateOf } from './format';
import { block, document, inline } from './markdown';
import { actionList, evidenceList, optionsTable } from './decision-parts';

export type DecisionBriefInput = {
  client: Client;
  item: Item;
  vendor: Vendor | null;
  captures: Capture[];
  /** The client's other items, to name the decisions this one supersedes or is superseded by. */
  items?: Item[];
};

const TO_WRITE = '_To be written._';

/** “Title” (decided Tue 11 Nov 2025), or the bare id when the item is not at hand. */
export function itemReference(id: string, items: Item[]): string {
  const other = items.find((i) => i.id === id);
  if (!other) return `item \`${id}\``;
  const on = other.decision?.decidedOn;
  return `“${inline(other.title)}”${on ? ` (decided ${formatDate(on)})` : ''}`;
}

function section(title: string, body: string | null): string | null {
  return body ? `## ${title}\n\n${body}` : null;
}

export function decisionBriefMarkdown(input: DecisionBriefInput): string {
  const { client, item, vendor } = input;
  const d = item.decision;
  const amount = itemAmountText(item);
  const facts = [
    `- **Client:** ${inline(client.name)}`,
    `- **Status:** ${STATUS_LABEL[item.status]}${d ? ` (decision ${DECISION_STATUS_LABEL[d.status].toLowerCase()})` : ''}`,
    item.decideBy ? `- **Decide by:** ${formatDate(item.decideBy)}` : null,
    vendor ? `- **Vendor:** ${inline(vendor.name)}` : null,
    amount ? `- **Amount:** ${amount}` : null,
    item.urgent ? '- **Urgent:** yes' : null,
    `- **Opened:** ${formatDate(localDateOf(item.createdAt, client.timeZone))} by ${inline(item.createdBy)}`,
  ].filter((f) => f !== null);

  const decidedBy = d?.decidedBy?.name.trim()
    ? [inline(d.decidedBy.name), d.decidedBy.role.trim() ? inline(d.decidedBy.role) : null].filter(Boolean).join(', ')
    : null;
  const record = [
    decidedBy ? `- **Decided by:** ${decidedBy}` : null,
    d?.decidedOn ? `- **Decided on:** ${formatDate(d.decidedOn)}` : null,
    d?.supersedes ? `- **Supersedes:** ${itemReference(d.supersedes, input.items ?? [])}` : null,
    d?.supersededBy ? `- **Superseded by:** ${itemReference(d.supersededBy, input.items ?? [])}` : null,
  ].filter((f) => f !== null);
  const frameworks = [
    d?.nist.length ? `- **NIST CSF 2.0:** ${d.nist.map((f) => NIST_LABEL[f]).join(', ')}` : null,
    d?.cobit.length ? `- **COBIT 2019:** ${d.cobit.map((c) => COBIT_LABEL[c]).join('; ')}` : null,
  ].filter((f) => f !== null);
  const captures = input.captures.filter((c) => c.itemId === item.id);

  return document([
    `# Decision brief: ${inline(item.title)}`,
    facts.join('\n'),
    section('Context', (d && block(d.context)) || TO_WRITE),
    section('Options considered', d && d.options.length ? optionsTable(d.options) : null),
    section('Recommendation', (d && block(d.recommendation)) || TO_WRITE),
    section('Decision', d ? block(d.decision) : null),
    section('Rationale', d ? block(d.rationale) : null),
    section('Decision record', record.join('\n')),
    section('Frameworks', frameworks.join('\n')),
    section('Evidence', evidenceList(captures, client.timeZone)),
    section('Follow-up actions', actionList(item.actions)),
    section('Notes', block(item.notes)),
  ]);
}

/** `vendors-and-contracts.md` of the handoff pack: who the client's providers are and what binds them. */
import type { Capture, Contract, Vendor } from '../domain';
import { addDays } from '../rules/local-date';
import { annualised, formatDate, formatMoney } from './format';
import { ROLE_LABEL } from './labels';
import { block, document, inline } from './markdown';
import { compare } from './order';
import type { ContractDatesOf, LogData } from './types';

function contact(c: Vendor['contacts'][number]): string {
  return `  - ${[c.name, c.role, c.email, c.phone]
    .filter((f) => f.trim())
    .map(inline)
    .join(' — ')}`;
}

/** What the successor must act on next for this contract, in words. */
function nextDeadline(c: Contract, termEnd: string, noticeDeadline: string, today: string): string {
  if (!c.autoRenew) {
    return termEnd < today
      ? `none: it ended on ${formatDate(termEnd)}`
      : `it expires on ${formatDate(termEnd)} and does not renew automatically`;
  }
  const renews = `it renews for ${c.renewalMonths} months on ${formatDate(addDays(termEnd, 1))}`;
  return noticeDeadline < today
    ? `the notice deadline (${formatDate(noticeDeadline)}) has passed: ${renews}`
    : `give notice by ${formatDate(noticeDeadline)} to stop it renewing; otherwise ${renews}`;
}

function contractBlock(c: Contract, dates: ContractDatesOf, today: string, captures: Map<string, Capture>): string {
  const { termEnd, noticeDeadline } = dates(c);
  const ended = !c.autoRenew && termEnd < today;
  const lines = [
    `#### ${inline(c.title)}`,
    '',
    `- **Term:** ${formatDate(c.termStart)} – ${formatDate(c.termEnd)}${ended ? ' (ended)' : ''}`,
    `- **Auto-renewal:** ${c.autoRenew ? `yes, for ${c.renewalMonths} months at a time` : 'no'}`,
  ];
  if (c.autoRenew && termEnd !== c.termEnd) lines.push(`- **Current term ends:** ${formatDate(termEnd)}`);
  lines.push(`- **Notice period:** ${c.noticeDays} day${c.noticeDays === 1 ? '' : 's'}`);
  lines.push(`- **Next deadline:** ${nextDeadline(c, termEnd, noticeDeadline, today)}`);
  if (c.value) {
    const year = annualised(c.value);
    lines.push(`- **Value:** ${formatMoney(c.value)}${year && c.value.recurrence !== 'yearly' ? ` (${year})` : ''}`);
  } else lines.push('- **Value:** _not recorded_');
  const docs = c.captureIds.map((id) => captures.get(id)?.source.title ?? `capture ${id} (not in this log)`);
  if (docs.length) lines.push(`- **Documents:** ${docs.map(inline).join('; ')}`);
  const notes = block(c.notes);
  if (notes) lines.push('', notes);
  return lines.join('\n');
}

function vendorBlock(
  v: Vendor,
  contracts: Contract[],
  dates: ContractDatesOf,
  today: string,
  captures: Map<string, Capture>,
): string {
  const lines = [`## ${inline(v.name)}`, '', `- **Role:** ${ROLE_LABEL[v.role]}`];
  lines.push(`- **Domains:** ${v.domains.length ? v.domains.map(inline).join(', ') : '_none recorded_'}`);
  lines.push(
    v.contacts.length ? `- **Contacts:**\n${v.contacts.map(contact).join('\n')}` : '- **Contacts:** _none recorded_',
  );
  const body = contracts.length
    ? contracts.map((c) => contractBlock(c, dates, today, captures)).join('\n\n')
    : '_No contracts on file._';
  return `${lines.join('\n')}\n\n### Contracts\n\n${body}`;
}

export function vendorsAndContractsMarkdown(log: LogData, today: string, dates: ContractDatesOf): string {
  const captures = new Map(log.captures.map((c) => [c.id, c]));
  const byTitle = (a: Contract, b: Contract) => compare(a.termStart, b.termStart) || compare(a.title, b.title);
  const vendors = [...log.vendors].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
  const known = new Set(vendors.map((v) => v.id));
  const orphans = log.contracts.filter((c) => !known.has(c.vendorId)).sort(byTitle);
  return document([
    `# ${inline(log.client.name)} — vendors and contracts`,
    `As of ${formatDate(today)}: ${vendors.length} vendors, ${log.contracts.length} contracts.`,
    ...vendors.map((v) =>
      vendorBlock(v, log.contracts.filter((c) => c.vendorId === v.id).sort(byTitle), dates, today, captures),
    ),
    orphans.length
      ? `## Contracts with a vendor not in this log\n\n${orphans.map((c) => contractBlock(c, dates, today, captures)).join('\n\n')}`
      : null,
  ]);
}

/** The lists and tables of a decision brief, each empty-string when there is nothing to show. */
import type { Action, Capture, DecisionOption } from '../domain';
import { compare } from './order';
import { annualised, formatAmount, formatDate, formatMoney, localDateOf } from './format';
import { RISK_LABEL } from './labels';
import { block, inline, link, table } from './markdown';

function recurringCell(money: DecisionOption['recurring']): string {
  if (!money) return '—';
  const year = annualised(money);
  if (!year) return formatMoney(money);
  return money.recurrence === 'yearly' ? year : `${year} (${formatMoney(money)})`;
}

function oneTimeCell(money: DecisionOption['oneTime']): string {
  if (!money) return '—';
  return money.recurrence === 'one-time' ? formatAmount(money.value, money.currency) : formatMoney(money);
}

/** Options as a table; their notes follow as a list, since a table cell cannot hold paragraphs. */
export function optionsTable(options: DecisionOption[]): string {
  const rows = options.map((o) => [
    inline(o.title),
    oneTimeCell(o.oneTime),
    recurringCell(o.recurring),
    RISK_LABEL[o.risk],
  ]);
  const head = ['Option', 'One-time cost', 'Recurring cost (annualised)', 'Risk'];
  const notes = options
    .filter((o) => o.notes.trim())
    .map((o) => `- **${inline(o.title)}:** ${block(o.notes).replace(/\n/g, '\n  ')}`);
  return [table(head, rows), notes.join('\n')].filter(Boolean).join('\n\n');
}

function source(c: Capture): string {
  if (c.email) {
    const from = c.email.from ? ` from ${inline(c.email.from.name || c.email.from.address)}` : '';
    return `e-mail${from}${c.source.url ? `, ${link(c.source.url)}` : ''}`;
  }
  if (c.source.url) return link(c.source.url);
  if (c.file) return `file ${inline(c.file.name)}`;
  return inline(c.source.site) || 'no source recorded';
}

/** Captures, oldest first: title, where it came from, and when (sent, for e-mails; captured otherwise). */
export function evidenceList(captures: Capture[], timeZone: string): string {
  return [...captures]
    .sort((a, b) => compare(a.capturedAt, b.capturedAt) || compare(a.id, b.id))
    .map((c) => {
      const title = inline(c.source.title) || inline(c.file?.name ?? '') || 'Untitled capture';
      const when = c.email?.date
        ? `sent ${formatDate(localDateOf(c.email.date, timeZone))}`
        : `captured ${formatDate(localDateOf(c.capturedAt, timeZone))}`;
      return `- **${title}** — ${source(c)} — ${when}`;
    })
    .join('\n');
}

export function actionList(actions: Action[]): string {
  return actions
    .map((a) => {
      const owner = a.owner.trim() ? inline(a.owner) : '_unassigned_';
      return `- [${a.done ? 'x' : ' '}] ${inline(a.title)} — Owner: ${owner} · Due: ${a.due ? formatDate(a.due) : '_no date_'}`;
    })
    .join('\n');
}

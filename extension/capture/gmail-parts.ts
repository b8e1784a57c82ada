/**
 * Gmail header details and folds. The details table (opened by "to me ▾", kept in the page once rendered:
 * `table.ajC tr.ajv`, label cell then people) is the only place Gmail tells to, cc and bcc apart; the summary
 * line lists everyone together. A long conversation folds its middle behind a count ("3" older messages).
 */
import type { Mailbox } from '../../shared/domain';
import { fieldOfLabel, type HeaderField } from './header-labels';
import { attr, parseMailbox, textOf, toArray } from './text';

export type Details = Record<HeaderField, Mailbox[]>;

const BODY = '.a3s';
/** Gmail's fold control: a button with the number of hidden messages (`.kQ.adv span.adx[role=button]`). */
export const FOLD = '.adv [role=button], span.adx[role=button], [role=button][aria-label*="older message" i]';

function mailboxesIn(cell: Element): Mailbox[] {
  return toArray(cell.querySelectorAll('[email]'))
    .map((el) => parseMailbox(attr(el, 'name') ?? textOf(el), attr(el, 'email')))
    .filter((m): m is Mailbox => m !== null);
}

/** The people of the header details table in `message`, or null when the details were never opened. */
export function readDetails(message: Element): Details | null {
  const found: Details = { from: [], to: [], cc: [], bcc: [] };
  let rows = 0;
  for (const row of toArray(message.querySelectorAll('tr'))) {
    if (row.closest(BODY)) continue;
    const [label, ...values] = toArray(row.children);
    const field = label ? fieldOfLabel(textOf(label)) : null;
    if (!field || values.length === 0) continue;
    rows++;
    for (const cell of values) found[field].push(...mailboxesIn(cell));
  }
  return rows > 0 ? found : null;
}

/** How many messages are folded away in `root`, and whether any fold was seen whose count could not be read. */
export function foldedCount(root: ParentNode): { count: number; folds: number } {
  let count = 0;
  const folds = toArray(root.querySelectorAll(FOLD)).filter(
    (el, _i, all) => !all.some((other) => other !== el && other.contains(el)),
  );
  for (const fold of folds) {
    const n = /\d+/.exec(textOf(fold)) ?? /\d+/.exec(attr(fold, 'aria-label') ?? '');
    if (n) count += +n[0];
  }
  return { count, folds: folds.length };
}

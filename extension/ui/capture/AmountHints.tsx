import type { AmountHint, Hints } from '../../../shared/domain';
import { headline } from '../../../shared/hints/headline';
import { formatMoney } from '../format';
import type { FormState } from './form-state';

/** The amounts worth offering: what the document calls them, never a unit price or last year's price. */
const OFFERED = new Set<AmountHint['role']>(['total', 'subtotal', 'term', 'line', 'tax']);
const MAX_OPTIONS = 6;

function labelOf(a: AmountHint): string {
  const name = a.label || (a.role === 'total' ? 'Total' : 'Amount');
  return `${name}: ${formatMoney(a)}`;
}

/**
 * Why the amount is what it is ("the document’s total (“Total one-time”)"), and the other labelled amounts the
 * document writes, one click each. Shown only while the field still holds the suggestion.
 */
export function AmountHints(props: { hints: Hints; form: FormState; pick: (a: AmountHint) => void }) {
  const { hints, form } = props;
  const top = headline(hints.amounts, hints.kind);
  const isTop =
    top !== null &&
    form.amount === String(top.amount.value) &&
    form.currency === top.amount.currency &&
    form.recurrence === top.amount.recurrence;
  const options = hints.amounts
    .filter((a) => OFFERED.has(a.role) && a !== top?.amount && a !== top?.oneTime)
    .slice(0, MAX_OPTIONS);
  return (
    <>
      {isTop && (
        <small class="hint" data-testid="amount-why">
          {top.why}
          {top.oneTime && form.oneTime === String(top.oneTime.value)
            ? `; its one-time part (${formatMoney(top.oneTime)}) kept apart as the one-time fee`
            : ''}
        </small>
      )}
      {options.length > 0 && (
        <div class="chips" aria-label="Other amounts in the document">
          {options.map((a) => (
            <button type="button" class="chip" title={a.text} onClick={() => props.pick(a)}>
              {labelOf(a)}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

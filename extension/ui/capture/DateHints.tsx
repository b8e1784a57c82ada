import { DATE_LABEL, DEADLINE_LABELS, type Hints } from '../../../shared/domain/hints';
import { proposedDecideBy } from '../../../shared/hints/decide-by';

const MAX_DATES = 6;

/**
 * The dates the document writes, each labelled by what it is; a deadline sets the decide-by in one click, the
 * others (a quote's own date, a term's start) are shown for reading only. Deadlines the document counts from
 * nothing it writes ("cancel within 7 days") are shown as written, never turned into a date.
 */
export function DateHints(props: { hints: Hints; decideBy: string; today: string; pick: (date: string) => void }) {
  const { hints, decideBy, today } = props;
  const proposed = proposedDecideBy(hints.dates, today);
  return (
    <>
      {proposed && proposed.date === decideBy && (
        <small class="hint" data-testid="decide-by-why">
          {DATE_LABEL[proposed.label].toLowerCase()}: “{proposed.text}”
        </small>
      )}
      {hints.dates.length > 0 && (
        <div class="chips" aria-label="Dates in the document">
          {hints.dates.slice(0, MAX_DATES).map((d) =>
            DEADLINE_LABELS.includes(d.label) ? (
              <button type="button" class="chip" title={d.text} onClick={() => props.pick(d.date)}>
                {DATE_LABEL[d.label]}: {d.date}
              </button>
            ) : (
              <span class="chip quiet" title={d.text}>
                {DATE_LABEL[d.label]}: {d.date}
              </span>
            ),
          )}
        </div>
      )}
      {hints.phrases.length > 0 && (
        <ul class="phrases" aria-label="Deadlines without a date">
          {hints.phrases.slice(0, 3).map((p) => (
            <li>
              <small>
                {DATE_LABEL[p.label]}, no date written: “{p.text}”
              </small>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { DEADLINE_LABELS, type DateHint } from '../domain/hints';

/**
 * The decide-by the capture form proposes: the earliest deadline-type date (valid until, notice, cancel-by, renewal,
 * term end, reply by) not already past. A quote's own date or a term's start is never one.
 */
export function proposedDecideBy(dates: readonly DateHint[], today: string): DateHint | null {
  return (
    dates
      .filter((d) => DEADLINE_LABELS.includes(d.label) && d.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date))[0] ?? null
  );
}

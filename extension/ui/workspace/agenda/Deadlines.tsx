import { formatDate } from '../../../../shared/export/format';
import { type Deadline, PRESSING } from '../../../../shared/rules';
import { EmptyState } from '../../EmptyState';
import type { Route } from '../../log/route';

const KIND: Record<Deadline['kind'], string> = {
  notice: 'Notice',
  renewal: 'Renewal',
  expiry: 'Expiry',
  'decide-by': 'Decide by',
};

/** Drawn from the data: contract notice periods, renewals and expiries, and decide-by dates before the next meeting. */
export function Deadlines({ deadlines, go }: { deadlines: Deadline[]; go: (patch: Partial<Route>) => void }) {
  return (
    <section class="deadlines" aria-label="Deadlines before the next meeting" data-testid="deadlines">
      <h3>Deadlines before the next meeting</h3>
      {deadlines.length === 0 ? (
        <EmptyState title="No deadlines before the next meeting.">
          No contract notice period, renewal, expiry or decide-by date falls before it. Add contracts under Vendors
          &amp; contracts to see their notice deadlines here.
        </EmptyState>
      ) : (
        <ul>
          {deadlines.map((d) => (
            <li>
              <span class={`badge ${d.kind === 'notice' || d.kind === 'expiry' ? 'urgent' : ''}`}>{KIND[d.kind]}</span>{' '}
              <strong>{formatDate(d.date)}</strong>{' '}
              {d.itemId ? (
                <button type="button" class="link" onClick={() => go({ item: d.itemId })}>
                  {d.title}
                </button>
              ) : d.contractId ? (
                <button type="button" class="link" onClick={() => go({ view: 'vendors' })}>
                  {d.title}
                </button>
              ) : (
                d.title
              )}
              <div class="small" data-testid="deadline-when">
                {PRESSING.includes(d.timing) ? <strong>{d.when}</strong> : d.when}
                {d.why ? <span class="muted"> · {d.why}</span> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

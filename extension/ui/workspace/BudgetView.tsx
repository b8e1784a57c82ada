import { useState } from 'preact/hooks';
import { budgetFor, fiscalYearLabel, fiscalYearOf } from '../../../shared/rules';
import type { ViewProps } from '../log/ViewSwitch';
import { useLive } from '../use-live';

const money = (value: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);

/** Pending and approved spend per fiscal year, one-time apart from recurring (annualised), one table per currency. */
export function BudgetView({ db, client, go }: ViewProps) {
  const today = new Date().toISOString().slice(0, 10);
  const [fy, setFy] = useState(() => fiscalYearOf(today, client.fiscalYearStart));
  const data = useLive(
    async () => ({
      items: await db.items.where('clientId').equals(client.id).toArray(),
      contracts: await db.contracts.where('clientId').equals(client.id).toArray(),
    }),
    [client.id],
  );
  if (!data) return null;
  const budget = budgetFor({ ...data, fiscalYear: fy, startMonth: client.fiscalYearStart, today });
  return (
    <section aria-label="Budget" data-testid="budget">
      <div class="toolbar">
        <h2>Budget, {fiscalYearLabel(fy, client.fiscalYearStart)}</h2>
        <span>
          <button type="button" onClick={() => setFy(fy - 1)} aria-label="Previous fiscal year">
            ←
          </button>{' '}
          <button type="button" onClick={() => setFy(fy + 1)} aria-label="Next fiscal year">
            →
          </button>
        </span>
      </div>
      {budget.currencies.length === 0 && <p class="empty">No amounts on items or contracts in this fiscal year.</p>}
      {budget.currencies.map((c) => (
        <table class="budget" aria-label={`Budget in ${c.currency}`}>
          <caption>{c.currency} (never added to other currencies)</caption>
          <thead>
            <tr>
              <th />
              <th>One-time</th>
              <th>Recurring, per year</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>Approved</th>
              <td>{money(c.approved.oneTime, c.currency)}</td>
              <td>{money(c.approved.recurringAnnual, c.currency)}</td>
            </tr>
            <tr>
              <th>Pending</th>
              <td>{money(c.pending.oneTime, c.currency)}</td>
              <td>{money(c.pending.recurringAnnual, c.currency)}</td>
            </tr>
          </tbody>
        </table>
      ))}
      {budget.lines.length > 0 && (
        <>
          <h3>Lines</h3>
          <ul class="items">
            {budget.lines.map((l) => (
              <li>
                <button
                  type="button"
                  data-nav-item
                  onClick={() => go(l.source === 'item' ? { item: l.id } : { view: 'vendors' })}
                >
                  <span class="title">{l.title}</span>
                  <span class={`badge ${l.state === 'approved' ? '' : 'planned'}`}>{l.state}</span>
                  <span class="meta">
                    {money(l.money.value, l.currency)} {l.money.recurrence}
                    {l.money.recurrence !== 'one-time' && ` = ${money(l.annual, l.currency)} a year`} · {l.source}
                    {l.part === 'one-time-fee' && ', one-time fee'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

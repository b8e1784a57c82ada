import { STATUS_LABEL } from '../../../shared/domain';
import { formatDate } from '../../../shared/export/format';
import { DECISION_STATUS_LABEL } from '../../../shared/export/labels';
import { needsDecision } from '../../../shared/rules';
import type { ViewProps } from '../log/ViewSwitch';
import { EmptyState } from '../EmptyState';
import { useLive } from '../use-live';

/** Decisions to prepare and the decision history, newest first. */
export function DecisionsView({ db, client, route, go }: ViewProps) {
  const items = useLive(() => db.items.where('clientId').equals(client.id).toArray(), [client.id]);
  if (!items) return null;
  const toPrepare = items.filter(needsDecision);
  const decided = items
    .filter((i) => i.decision && i.decision.status !== 'proposed')
    .sort((a, b) => (b.decision!.decidedOn ?? '').localeCompare(a.decision!.decidedOn ?? ''));
  const row = (i: (typeof items)[number], meta: string) => (
    <li>
      <button type="button" data-nav-item aria-current={i.id === route.item} onClick={() => go({ item: i.id })}>
        <span class="title">{i.title}</span>
        <span class="meta">{meta}</span>
      </button>
    </li>
  );
  return (
    <section aria-label="Decisions">
      <h2>Decisions to prepare for leadership ({toPrepare.length})</h2>
      {toPrepare.length === 0 && (
        <EmptyState title="Nothing waiting for leadership.">
          Quotes and proposals you clip land here once they are on a meeting; write the options and a recommendation on
          each, then print its decision brief.
        </EmptyState>
      )}
      <ul class="items">
        {toPrepare.map((i) =>
          row(
            i,
            `${STATUS_LABEL[i.status]}${i.decideBy ? ` · decide by ${formatDate(i.decideBy)}` : ''}${i.decision?.recommendation ? ' · recommendation written' : ''}`,
          ),
        )}
      </ul>
      <h2>Decision history ({decided.length})</h2>
      {decided.length === 0 && (
        <EmptyState title="No decision recorded yet.">
          When leadership decides, open the item and fill in the decision, who decided and when: it is listed here.
        </EmptyState>
      )}
      <ul class="items">
        {decided.map((i) =>
          row(
            i,
            `${DECISION_STATUS_LABEL[i.decision!.status]}${i.decision!.decidedOn ? ` on ${formatDate(i.decision!.decidedOn)}` : ''}${i.decision!.decidedBy ? ` by ${i.decision!.decidedBy.name}` : ''}: ${i.decision!.decision}`,
          ),
        )}
      </ul>
    </section>
  );
}

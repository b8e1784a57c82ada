import { type Meeting, SECTION_LABEL, SECTIONS } from '../../../../shared/domain';
import { itemAmountText } from '../../../../shared/export/format';
import type { Route } from '../../log/route';

/** The agenda as it was held: read from the frozen record, never from the live items. */
export function HeldAgenda({ meeting, go }: { meeting: Meeting; go: (patch: Partial<Route>) => void }) {
  const lines = meeting.heldAgenda ?? [];
  return (
    <div class="held" data-testid="held-agenda">
      <p class="muted">
        Held {meeting.heldAt ? new Date(meeting.heldAt).toLocaleString() : ''}. This record is frozen: later edits to
        items do not change it.
      </p>
      {SECTIONS.map((section) => {
        const inSection = lines.filter((l) => l.section === section);
        if (!inSection.length) return null;
        return (
          <div>
            <div class="section-title">{SECTION_LABEL[section]}</div>
            <ul class="items">
              {inSection.map((l) => (
                <li>
                  <button type="button" onClick={() => go({ item: l.itemId })} data-nav-item>
                    <span class="title">{l.title}</span>
                    <span class={`badge ${l.discussed ? '' : 'urgent'}`}>
                      {l.discussed ? 'discussed' : 'carried forward'}
                    </span>
                    <span class="meta">
                      {[
                        l.vendor,
                        itemAmountText(l),
                        l.decision && `Decision (${l.decision.status}): ${l.decision.decision}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {l.actions.map((a) => (
                      <span class="meta">
                        Action: {a.title} — {a.owner || 'no owner'}
                        {a.due ? `, due ${a.due}` : ''}
                      </span>
                    ))}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {meeting.minutes && (
        <>
          <h3>Notes</h3>
          <p class="notes">{meeting.minutes}</p>
        </>
      )}
    </div>
  );
}

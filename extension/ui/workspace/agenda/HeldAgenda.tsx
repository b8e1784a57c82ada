import { type Client, type Meeting, SECTION_LABEL, SECTIONS } from '../../../../shared/domain';
import type { DocketDB } from '../../../store/db';
import { formatInstant } from '../../format';
import { SealPanel } from './SealPanel';
import { itemAmountText } from '../../../../shared/export/format';
import type { Route } from '../../log/route';

/** The agenda as it was held: read from the frozen record, never from the live items. */
type Props = { db: DocketDB; client: Client; meeting: Meeting; go: (patch: Partial<Route>) => void };

export function HeldAgenda({ db, client, meeting, go }: Props) {
  const lines = meeting.heldAgenda ?? [];
  // A sealed meeting's notes are its sealed version's; a later edit shows as an amendment.
  const sealedMeeting = meeting.seal?.versions.find((v) => v.table === 'meetings')?.record;
  const notes = typeof sealedMeeting?.minutes === 'string' ? sealedMeeting.minutes : meeting.minutes;
  return (
    <div class="held" data-testid="held-agenda">
      {meeting.seal && <SealPanel db={db} client={client} meeting={meeting} />}
      <p class="muted">
        Held {meeting.heldAt ? formatInstant(meeting.heldAt) : ''}. This record is frozen: later edits to items do not
        change it.
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
      {notes && (
        <>
          <h3>Notes</h3>
          <p class="notes">{notes}</p>
        </>
      )}
    </div>
  );
}

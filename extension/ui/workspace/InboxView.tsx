import { useState } from 'preact/hooks';
import { isUntriaged, nextMeeting } from '../../../shared/rules';
import { actorNow } from '../../store/me';
import { EmptyState } from '../EmptyState';
import { fileInto, putOnAgenda } from '../../store/triage';
import { formatInstant, formatMeetingShort } from '../format';
import type { ViewProps } from '../log/ViewSwitch';
import { useLive } from '../use-live';

/** Captures not yet triaged: each becomes an item on the next meeting's agenda, or is filed into an existing item. */
export function InboxView({ db, client, go, say, readOnly = false }: ViewProps) {
  const [target, setTarget] = useState<Record<string, string>>({});
  const data = useLive(
    async () => ({
      items: await db.items.where('clientId').equals(client.id).toArray(),
      meetings: await db.meetings.where('clientId').equals(client.id).toArray(),
    }),
    [client.id],
  );
  if (!data) return null;
  const inbox = data.items.filter(isUntriaged).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const others = data.items.filter((i) => !isUntriaged(i)).sort((a, b) => a.title.localeCompare(b.title));
  const next = nextMeeting(client, data.meetings, new Date());

  async function act(work: () => Promise<unknown>, message: string) {
    try {
      await work();
      say(message);
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section aria-label="Inbox">
      <h2>Inbox: {inbox.length} to triage</h2>
      {inbox.length === 0 && (
        <EmptyState title="Nothing to triage.">
          Captures saved with “No meeting” wait here. Clip a vendor page or e-mail with the Docket button (Alt+Shift+D),
          or drop .eml, .html or .pdf files on this page.
        </EmptyState>
      )}
      <ul class="items inbox">
        {inbox.map((item) => (
          <li data-testid="inbox-item">
            <button type="button" data-nav-item onClick={() => go({ item: item.id })}>
              <span class="title">{item.title}</span>
              <span class="meta">
                clipped {formatInstant(item.createdAt)} by {item.createdBy}
              </span>
            </button>
            {!readOnly && (
              <div class="triage">
                <button
                  type="button"
                  class="primary"
                  onClick={() =>
                    void act(
                      async () => putOnAgenda(db, await actorNow(db), item.id, item.meetingId ? null : next),
                      'On the agenda, to prepare.',
                    )
                  }
                >
                  {item.meetingId ? 'Prepare it' : `Put on ${formatMeetingShort(next.startsAt, client.timeZone)}`}
                </button>
                <select
                  aria-label={`File “${item.title}” into`}
                  value={target[item.id] ?? ''}
                  onChange={(e) => setTarget({ ...target, [item.id]: e.currentTarget.value })}
                >
                  <option value="">File into an existing item…</option>
                  {others.map((o) => (
                    <option value={o.id}>{o.title}</option>
                  ))}
                </select>
                <button
                  type="button"
                  disabled={!target[item.id]}
                  onClick={() =>
                    void act(
                      async () => fileInto(db, await actorNow(db), item.id, target[item.id]!),
                      'Filed into the existing item.',
                    )
                  }
                >
                  File
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { itemsOnMeeting, meetingDeadlines } from '../../../shared/rules';
import type { ViewProps } from '../log/ViewSwitch';
import { formatMeetingShort } from '../format';
import { EmptyState } from '../EmptyState';
import { useLive } from '../use-live';
import { Deadlines } from './agenda/Deadlines';
import { HeldAgenda } from './agenda/HeldAgenda';
import { followingOf, meetingChoices } from './agenda/meeting-choice';
import { MeetingHeader } from './agenda/MeetingHeader';
import { PlannedAgenda } from './agenda/PlannedAgenda';

/** One meeting's agenda: the four sections, the deadlines the data says come before the next meeting, and the record once held. */
export function AgendaView({
  db,
  client,
  route,
  go,
  say,
  readOnly = false,
  now = new Date(),
}: ViewProps & { now?: Date }) {
  const data = useLive(async () => {
    const [meetings, items, vendors, contracts] = await Promise.all([
      db.meetings.where('clientId').equals(client.id).toArray(),
      db.items.where('clientId').equals(client.id).toArray(),
      db.vendors.where('clientId').equals(client.id).toArray(),
      db.contracts.where('clientId').equals(client.id).toArray(),
    ]);
    return { meetings, items, vendors, contracts };
  }, [client.id]);
  if (!data) return null;
  const { upcoming, past } = meetingChoices(client, data.meetings, now);
  const chosen =
    upcoming.find((m) => m.id === route.meeting)?.meeting ??
    past.find((m) => m.id === route.meeting) ??
    upcoming[0]?.meeting;
  if (!chosen)
    return (
      <EmptyState title="No meeting planned.">
        {readOnly
          ? 'Its meetings are planned from the client’s cadence, which the people who edit this log set.'
          : 'Set the client’s cadence, weekday and time under Client settings: its next meetings are planned from them.'}
      </EmptyState>
    );
  const ref = { id: chosen.id, startsAt: chosen.startsAt, fromCadence: chosen.fromCadence };
  const onAgenda = itemsOnMeeting(data.items, chosen.id);
  const deadlines =
    chosen.status === 'planned'
      ? meetingDeadlines({
          meeting: chosen,
          following: followingOf(chosen, upcoming),
          items: data.items,
          contracts: data.contracts,
          vendors: data.vendors,
          timeZone: client.timeZone,
          now,
        })
      : [];

  return (
    <section class="agenda" aria-label="Agenda">
      <div class="toolbar">
        <label>
          Meeting
          <select
            name="meeting-choice"
            value={chosen.id}
            onChange={(e) => go({ meeting: e.currentTarget.value, item: null })}
          >
            <optgroup label="Upcoming">
              {upcoming.map((m, i) => (
                <option value={m.id}>
                  {formatMeetingShort(m.startsAt, client.timeZone, now)}
                  {i === 0 ? ' (next)' : ''}
                  {m.meeting.title ? ` · ${m.meeting.title}` : ''}
                </option>
              ))}
            </optgroup>
            {past.length > 0 && (
              <optgroup label="Past">
                {past.map((m) => (
                  <option value={m.id}>
                    {formatMeetingShort(m.startsAt, client.timeZone, now)} ({m.status})
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
      </div>
      <MeetingHeader
        db={db}
        client={client}
        meeting={chosen}
        meetingRef={ref}
        items={onAgenda}
        vendors={data.vendors}
        deadlines={deadlines}
        go={go}
        say={say}
        readOnly={readOnly}
      />
      {chosen.status === 'held' ? (
        <HeldAgenda db={db} client={client} meeting={chosen} go={go} />
      ) : (
        <>
          <PlannedAgenda
            db={db}
            items={onAgenda}
            vendors={data.vendors}
            selected={route.item}
            go={go}
            say={say}
            readOnly={readOnly}
          />
          <Deadlines deadlines={deadlines} go={go} />
        </>
      )}
    </section>
  );
}

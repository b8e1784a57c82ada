import { useState } from 'preact/hooks';
import type { Client, Item, Meeting, Vendor } from '../../../../shared/domain';
import { agendaIcs, agendaMarkdown, minutesMarkdown } from '../../../../shared/export';
import { type Deadline, zonedParts, zonedToUtc } from '../../../../shared/rules';
import type { DocketDB } from '../../../store/db';
import { currentLogOf } from '../../../ledger/current-log';
import { sealMeeting } from '../../../ledger/seal-meeting';
import { actorNow } from '../../../store/me';
import { addMeeting, cancelMeeting, moveMeeting, setMinutesNotes } from '../../../store/meeting-edits';
import type { MeetingRef } from '../../../store/meetings';
import { download, fileName } from '../../download';
import { formatMeeting } from '../../format';
import type { Route } from '../../log/route';

interface Props {
  db: DocketDB;
  client: Client;
  meeting: Meeting;
  meetingRef: MeetingRef;
  items: Item[];
  vendors: Vendor[];
  deadlines: Deadline[];
  go: (patch: Partial<Route>) => void;
  say: (text: string) => void;
  /** A view-only client's meeting: its exports and print only, nothing that changes it. */
  readOnly?: boolean;
}

type Mode = null | 'move' | 'add' | 'hold';

export function MeetingHeader(props: Props) {
  const { db, client, meeting, meetingRef, items, vendors, deadlines, go, say, readOnly = false } = props;
  const [mode, setMode] = useState<Mode>(null);
  const local = zonedParts(new Date(meeting.startsAt), client.timeZone);
  const [when, setWhen] = useState(`${local.date}T${local.time}`);
  const [notes, setNotes] = useState(meeting.minutes);
  const [error, setError] = useState('');
  const day = local.date;
  /** Runs a change; the message said afterwards is the work's own answer, else `done`. */
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      setError('');
      const answer = await work();
      setMode(null);
      say(typeof answer === 'string' ? answer : done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const instant = () => {
    const [date, time] = when.split('T');
    if (!date || !time) throw new Error('Choose a date and a time.');
    return zonedToUtc(date, time.slice(0, 5), client.timeZone).toISOString();
  };
  const agenda = () => agendaMarkdown({ client, meeting, items, vendors, deadlines });

  return (
    <header class="meeting-header">
      <h2>
        {formatMeeting(meeting.startsAt, client.timeZone)} <small class="muted">({client.timeZone})</small>{' '}
        <span class={`badge ${meeting.status === 'held' ? '' : 'planned'}`} data-testid="meeting-status">
          {meeting.seal ? 'sealed' : meeting.status}
        </span>
      </h2>
      <div class="actions">
        {meeting.status === 'planned' && !readOnly && (
          <>
            <button type="button" class="primary" onClick={() => setMode(mode === 'hold' ? null : 'hold')}>
              Seal the meeting…
            </button>
            <button type="button" onClick={() => setMode(mode === 'move' ? null : 'move')}>
              Move…
            </button>
            <button
              type="button"
              onClick={() =>
                void run(async () => cancelMeeting(db, await actorNow(db), client.id, meetingRef), 'Meeting cancelled.')
              }
            >
              Cancel meeting
            </button>
          </>
        )}
        {meeting.status === 'held' && !meeting.seal && !readOnly && (
          <button type="button" class="primary" onClick={() => setMode(mode === 'hold' ? null : 'hold')}>
            Seal…
          </button>
        )}
        {!readOnly && (
          <button type="button" onClick={() => setMode(mode === 'add' ? null : 'add')}>
            Add ad-hoc meeting…
          </button>
        )}
        <span class="spacer" />
        {meeting.status === 'held' ? (
          <>
            <button
              type="button"
              onClick={() =>
                void currentLogOf(db, meeting).then((log) =>
                  download(fileName(client.name, 'minutes', day) + '.md', minutesMarkdown({ client, meeting, log })),
                )
              }
            >
              Minutes (.md)
            </button>
            <button type="button" onClick={() => window.open(`/print.html#minutes=${encodeURIComponent(meeting.id)}`)}>
              Print minutes
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => download(fileName(client.name, 'agenda', day) + '.md', agenda())}>
              Agenda (.md)
            </button>
            <button
              type="button"
              onClick={() => window.open(`/print.html#agenda=${encodeURIComponent(meeting.id)}&client=${client.id}`)}
            >
              Print agenda
            </button>
            <button
              type="button"
              onClick={() =>
                download(
                  fileName(client.name, 'meeting', day) + '.ics',
                  agendaIcs({ client, meeting, agenda: agenda(), now: new Date() }),
                  'text/calendar;charset=utf-8',
                )
              }
            >
              Calendar (.ics)
            </button>
          </>
        )}
      </div>
      {(mode === 'move' || mode === 'add') && (
        <form
          class="inline-form"
          onSubmit={(e) => e.preventDefault()}
          aria-label={mode === 'move' ? 'Move meeting' : 'Add meeting'}
        >
          <label>
            {mode === 'move' ? 'New date and time' : 'Date and time'} ({client.timeZone})
            <input type="datetime-local" name="when" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
          </label>
          <button
            type="submit"
            class="primary"
            onClick={() =>
              void run(
                async () => {
                  const actor = await actorNow(db);
                  const m =
                    mode === 'move'
                      ? await moveMeeting(db, actor, client.id, meetingRef, instant())
                      : await addMeeting(db, actor, client.id, instant());
                  go({ meeting: m.id });
                },
                mode === 'move' ? 'Meeting moved.' : 'Meeting added.',
              )
            }
          >
            {mode === 'move' ? 'Move' : 'Add'}
          </button>
        </form>
      )}
      {mode === 'hold' && (
        <form class="inline-form hold" onSubmit={(e) => e.preventDefault()} aria-label="Seal the meeting">
          {meeting.status === 'planned' ? (
            <p>
              Sealing freezes this agenda as it stands, records the decisions and actions on its items as the minutes,
              and carries the{' '}
              {items.filter((i) => !i.discussed && !['decided', 'rejected', 'withdrawn'].includes(i.status)).length}{' '}
              undiscussed open item(s) to the next meeting. Then this browser signs the agenda, each decision record and
              each piece of evidence: any later change shows as an amendment, and the printed minutes carry the seal's
              root so the copy you send is a witness of its own.
            </p>
          ) : (
            <p>
              This meeting was marked held before sealing existed. Sealing signs its frozen agenda, its items and their
              evidence as they stand now: any later change shows as an amendment.
            </p>
          )}
          {meeting.status === 'planned' && (
            <label>
              Notes for the minutes
              <textarea name="minutes" rows={4} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
            </label>
          )}
          <button
            type="submit"
            class="primary"
            onClick={() =>
              void run(async () => {
                const actor = await actorNow(db);
                if (meeting.status === 'planned' && notes !== meeting.minutes)
                  await setMinutesNotes(db, actor, client.id, meetingRef, notes);
                const { carried, statement } = await sealMeeting(db, actor, client.id, meetingRef);
                const root = `root ${statement.root.slice(0, 16)}…`;
                return meeting.status === 'planned'
                  ? `Meeting sealed (${root}). ${carried} item(s) carried to the next meeting.`
                  : `Meeting sealed (${root}).`;
              }, 'Meeting sealed.')
            }
          >
            Seal the meeting
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}

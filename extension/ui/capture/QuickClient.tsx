import { useState } from 'preact/hooks';
import { CADENCE_LABEL, Cadence, WEEKDAY_NAMES } from '../../../shared/domain';
import { createClient } from '../../store/clients';
import type { DocketDB } from '../../store/db';
import { actorNow } from '../../store/me';

/** The first capture needs a client: a short form with the fields the meeting rule needs. */
export function QuickClient({ db, onCreated }: { db: DocketDB; onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<Cadence>('monthly');
  const [weekday, setWeekday] = useState(2);
  const [time, setTime] = useState('09:00');
  const [domains, setDomains] = useState('');
  const [error, setError] = useState('');
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function save(e: Event) {
    e.preventDefault();
    try {
      const client = await createClient(db, await actorNow(db), {
        name,
        cadence,
        weekday,
        time,
        timeZone,
        weekOfMonth: 1,
        anchorDate: new Date().toISOString().slice(0, 10),
        domains: domains.split(/[\s,]+/).filter(Boolean),
      });
      onCreated(client.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form class="quick-client" onSubmit={save}>
      <p class="lead">Who is this for? Add your first client.</p>
      <label>
        Client name
        <input name="client-name" value={name} onInput={(e) => setName(e.currentTarget.value)} required autoFocus />
      </label>
      <div class="row">
        <label>
          Meets
          <select value={cadence} onChange={(e) => setCadence(e.currentTarget.value as Cadence)}>
            {Cadence.options.map((c) => (
              <option value={c}>{CADENCE_LABEL[c]}</option>
            ))}
          </select>
        </label>
        <label>
          on
          <select value={weekday} onChange={(e) => setWeekday(Number(e.currentTarget.value))}>
            {WEEKDAY_NAMES.map((d, i) => (
              <option value={i}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          at
          <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        Their e-mail/web domains <small>(optional, comma-separated)</small>
        <input
          name="client-domains"
          value={domains}
          placeholder="northwind.com"
          onInput={(e) => setDomains(e.currentTarget.value)}
        />
      </label>
      <p class="muted">
        Time zone: {timeZone}. Monthly meetings fall on the first {WEEKDAY_NAMES[weekday]}; change it in the log.
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary">
        Add client
      </button>
    </form>
  );
}

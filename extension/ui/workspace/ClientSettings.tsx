import { useEffect, useState } from 'preact/hooks';
import { CADENCE_LABEL, Cadence, type Client, MONTH_NAMES, WEEKDAY_NAMES } from '../../../shared/domain';
import { updateClient } from '../../store/clients';
import { actorNow } from '../../store/me';
import type { ViewProps } from '../log/ViewSwitch';
import { LogTransfer } from './settings/LogTransfer';
import { TeamSync } from './settings/TeamSync';

const WEEKS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };
const ZONES: string[] =
  (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

type Draft = Omit<Client, 'id' | 'createdAt' | 'updatedAt' | 'domains'> & { domains: string };
const toDraft = (c: Client): Draft => ({ ...c, domains: c.domains.join(', ') });

/** Everything the meeting rules need about a client, editable; and its log's export, import and handoff. */
export function ClientSettings({ db, client, say }: ViewProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(client));
  const [error, setError] = useState('');
  useEffect(() => setDraft(toDraft(client)), [client.id, client.updatedAt]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const monthly = draft.cadence === 'monthly' || draft.cadence === 'bimonthly';

  async function save(e: Event) {
    e.preventDefault();
    try {
      setError('');
      const { domains, ...rest } = draft;
      await updateClient(db, await actorNow(db), client.id, {
        ...rest,
        domains: domains.split(/[\s,]+/).filter(Boolean),
      });
      say('Client saved.');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-label="Client settings" class="settings">
      <h2>{client.name}</h2>
      <form onSubmit={save} aria-label="Client" class="grid">
        <label class="wide">
          Name
          <input name="name" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />
        </label>
        <label>
          Cadence
          <select
            name="cadence"
            value={draft.cadence}
            onChange={(e) => set('cadence', e.currentTarget.value as Cadence)}
          >
            {Cadence.options.map((c) => (
              <option value={c}>{CADENCE_LABEL[c]}</option>
            ))}
          </select>
        </label>
        {monthly && (
          <label>
            Week of the month
            <select
              name="weekOfMonth"
              value={String(draft.weekOfMonth)}
              onChange={(e) => set('weekOfMonth', Number(e.currentTarget.value) as Draft['weekOfMonth'])}
            >
              {Object.entries(WEEKS).map(([v, l]) => (
                <option value={v}>{l}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Weekday
          <select
            name="weekday"
            value={String(draft.weekday)}
            onChange={(e) => set('weekday', Number(e.currentTarget.value))}
          >
            {WEEKDAY_NAMES.map((d, i) => (
              <option value={String(i)}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          Time
          <input name="time" type="time" value={draft.time} onInput={(e) => set('time', e.currentTarget.value)} />
        </label>
        <label>
          Time zone
          <input
            name="timeZone"
            list="zones"
            value={draft.timeZone}
            onInput={(e) => set('timeZone', e.currentTarget.value)}
          />
          <datalist id="zones">
            {ZONES.map((z) => (
              <option value={z} />
            ))}
          </datalist>
        </label>
        <label>
          Length (minutes)
          <input
            name="meetingMinutes"
            type="number"
            min={5}
            max={480}
            value={draft.meetingMinutes}
            onInput={(e) => set('meetingMinutes', Number(e.currentTarget.value))}
          />
        </label>
        <label>
          A meeting date (fixes which weeks or months)
          <input
            name="anchorDate"
            type="date"
            value={draft.anchorDate}
            onInput={(e) => set('anchorDate', e.currentTarget.value)}
          />
        </label>
        <label>
          Fiscal year starts in
          <select
            name="fiscalYearStart"
            value={String(draft.fiscalYearStart)}
            onChange={(e) => set('fiscalYearStart', Number(e.currentTarget.value))}
          >
            {MONTH_NAMES.map((m, i) => (
              <option value={String(i + 1)}>{m}</option>
            ))}
          </select>
        </label>
        <label class="wide">
          Known e-mail and web domains (comma-separated)
          <input name="domains" value={draft.domains} onInput={(e) => set('domains', e.currentTarget.value)} />
        </label>
        {error && (
          <p class="error wide" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary">
          Save client
        </button>
      </form>
      <TeamSync db={db} client={client} say={say} />
      <LogTransfer db={db} client={client} say={say} />
    </section>
  );
}

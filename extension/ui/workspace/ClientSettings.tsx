import { useEffect, useState } from 'preact/hooks';
import { CADENCE_LABEL, Cadence, Client, MONTH_NAMES, WEEKDAY_NAMES } from '../../../shared/domain';
import { createClient, updateClient } from '../../store/clients';
import type { DocketDB } from '../../store/db';
import { actorNow } from '../../store/me';
import type { Route } from '../log/route';
import type { ViewProps } from '../log/ViewSwitch';
import { Locked } from '../ViewOnly';
import { ImageLimit } from './settings/ImageLimit';
import { LogTransfer } from './settings/LogTransfer';
import { TeamSync } from './settings/TeamSync';

const WEEKS: Record<string, string> = { '1': 'First', '2': 'Second', '3': 'Third', '4': 'Fourth', '-1': 'Last' };
const ZONES: string[] =
  (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

type Draft = Omit<Client, 'id' | 'createdAt' | 'updatedAt' | 'domains'> & { domains: string };
type Field = keyof Draft;
const toDraft = (c: Client): Draft => ({ ...c, domains: c.domains.join(', ') });
const splitDomains = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Today on this computer's calendar (not UTC's), for a new client's first meeting date. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A new client: the browser's own zone, a monthly meeting on the first Tuesday at nine. */
function newDraft(): Draft {
  return {
    name: '',
    cadence: 'monthly',
    weekday: 2,
    time: '09:00',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    weekOfMonth: 1,
    anchorDate: localToday(),
    meetingMinutes: 60,
    fiscalYearStart: 1,
    domains: '',
  };
}

/**
 * Each field's problem, in the schema's own words (the store checks the same schema again), so the form says what is
 * wrong next to the field and nothing is saved — never "Client saved." over a value that would break a view.
 */
export function checkDraft(draft: Draft): Partial<Record<Field, string>> {
  const at = '2000-01-01T00:00:00.000Z';
  const result = Client.safeParse({
    ...draft,
    domains: splitDomains(draft.domains),
    id: 'x',
    createdAt: at,
    updatedAt: at,
  });
  const errors: Partial<Record<Field, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field;
    if (errors[field]) continue;
    const message =
      field === 'domains'
        ? `"${splitDomains(draft.domains)[Number(issue.path[1])]}" is not a domain name: write it like northwind.com`
        : issue.message;
    errors[field] = message[0]!.toUpperCase() + message.slice(1) + '.';
  }
  return errors;
}

function ClientForm(props: {
  initial: Draft;
  /** Reloads the form when the stored client changes. */
  version: string;
  isNew: boolean;
  onSave: (draft: Draft) => Promise<void>;
  /** A view-only client's settings: shown in disabled fields, with nothing to save. */
  readOnly?: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState('');
  useEffect(() => {
    setDraft(props.initial);
    setErrors({});
  }, [props.version]);
  const set = <K extends Field>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const monthly = draft.cadence === 'monthly' || draft.cadence === 'bimonthly';
  /** A field's label, its input, and its problem under it. */
  const field = (key: Field, label: string, input: preact.JSX.Element, wide = false) => (
    <label class={wide ? 'wide' : undefined}>
      {label}
      {input}
      {errors[key] && (
        <small class="error" data-testid={`error-${key}`}>
          {errors[key]}
        </small>
      )}
    </label>
  );
  const invalid = (key: Field) => (errors[key] ? true : undefined);

  async function save(e: Event) {
    e.preventDefault();
    setFailure('');
    const found = checkDraft(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await props.onSave(draft);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    // Only the stored client's form is the "Client" form: the new-client form is named by its section, so a script
    // (or a screen reader) waiting for the settings after "Add client" never finds the form being left.
    <form onSubmit={save} aria-label={props.isNew ? undefined : 'Client'} class="grid client-form" noValidate>
      {field(
        'name',
        'Client name',
        <input
          name={props.isNew ? 'client-name' : 'name'}
          value={draft.name}
          aria-invalid={invalid('name')}
          placeholder="e.g. Northwind Dental"
          autoFocus={props.isNew}
          onInput={(e) => set('name', e.currentTarget.value)}
        />,
        true,
      )}
      {field(
        'cadence',
        'Meets',
        <select name="cadence" value={draft.cadence} onChange={(e) => set('cadence', e.currentTarget.value as Cadence)}>
          {Cadence.options.map((c) => (
            <option value={c}>{CADENCE_LABEL[c]}</option>
          ))}
        </select>,
      )}
      {monthly &&
        field(
          'weekOfMonth',
          'Week of the month',
          <select
            name="weekOfMonth"
            value={String(draft.weekOfMonth)}
            onChange={(e) => set('weekOfMonth', Number(e.currentTarget.value) as Draft['weekOfMonth'])}
          >
            {Object.entries(WEEKS).map(([v, l]) => (
              <option value={v}>{l}</option>
            ))}
          </select>,
        )}
      {field(
        'weekday',
        'Weekday',
        <select
          name="weekday"
          value={String(draft.weekday)}
          onChange={(e) => set('weekday', Number(e.currentTarget.value))}
        >
          {WEEKDAY_NAMES.map((d, i) => (
            <option value={String(i)}>{d}</option>
          ))}
        </select>,
      )}
      {field(
        'time',
        'Time',
        <input
          name="time"
          type="time"
          value={draft.time}
          aria-invalid={invalid('time')}
          onInput={(e) => set('time', e.currentTarget.value)}
        />,
      )}
      {field(
        'timeZone',
        'Time zone (type to search, e.g. Halifax)',
        <input
          name="timeZone"
          list="zones"
          value={draft.timeZone}
          aria-invalid={invalid('timeZone')}
          autoComplete="off"
          onInput={(e) => set('timeZone', e.currentTarget.value)}
        />,
      )}
      <datalist id="zones">
        {ZONES.map((z) => (
          <option value={z} />
        ))}
      </datalist>
      {field(
        'meetingMinutes',
        'Length (minutes)',
        <input
          name="meetingMinutes"
          type="number"
          min={5}
          max={480}
          value={draft.meetingMinutes}
          aria-invalid={invalid('meetingMinutes')}
          onInput={(e) => set('meetingMinutes', e.currentTarget.valueAsNumber)}
        />,
      )}
      {field(
        'anchorDate',
        'A meeting date (fixes which weeks or months)',
        <input
          name="anchorDate"
          type="date"
          value={draft.anchorDate}
          aria-invalid={invalid('anchorDate')}
          onInput={(e) => set('anchorDate', e.currentTarget.value)}
        />,
      )}
      {field(
        'fiscalYearStart',
        'Fiscal year starts in',
        <select
          name="fiscalYearStart"
          value={String(draft.fiscalYearStart)}
          onChange={(e) => set('fiscalYearStart', Number(e.currentTarget.value))}
        >
          {MONTH_NAMES.map((m, i) => (
            <option value={String(i + 1)}>{m}</option>
          ))}
        </select>,
      )}
      {field(
        'domains',
        'Their e-mail and web domains (comma-separated, optional)',
        <input
          name={props.isNew ? 'client-domains' : 'domains'}
          value={draft.domains}
          aria-invalid={invalid('domains')}
          placeholder="northwind.com, northwind-dental.ca"
          onInput={(e) => set('domains', e.currentTarget.value)}
        />,
        true,
      )}
      {(failure || Object.keys(errors).length > 0) && (
        <p class="error wide" role="alert">
          {failure || 'Nothing was saved: fix the fields marked above.'}
        </p>
      )}
      {!props.readOnly && (
        <div class="wide form-actions">
          <button type="submit" class="primary">
            {props.isNew ? 'Add client' : 'Save client'}
          </button>
        </div>
      )}
    </form>
  );
}

/** Everything the meeting rules need about a client, editable; and its log's export, import and handoff. */
export function ClientSettings({ db, client, say, readOnly = false }: ViewProps) {
  return (
    <section aria-label="Client settings" class="settings">
      <h2>{client.name}</h2>
      <Locked locked={readOnly}>
        <ClientForm
          initial={toDraft(client)}
          version={`${client.id}|${client.updatedAt}`}
          isNew={false}
          readOnly={readOnly}
          onSave={async ({ domains, ...rest }) => {
            await updateClient(db, await actorNow(db), client.id, { ...rest, domains: splitDomains(domains) });
            say('Client saved.');
          }}
        />
      </Locked>
      <TeamSync db={db} client={client} say={say} />
      <LogTransfer db={db} client={client} say={say} />
      <ImageLimit db={db} say={say} />
    </section>
  );
}

/** The new-client form, in the main pane where every field has room; `first` when the log has no client yet. */
export function NewClient(props: {
  db: DocketDB;
  first: boolean;
  go: (patch: Partial<Route>) => void;
  say: (text: string) => void;
}) {
  const { db, go, say } = props;
  return (
    <section aria-label="New client" class="settings">
      <h2>{props.first ? 'Add your first client' : 'New client'}</h2>
      <p class="lead-in">
        The organisation you run governance meetings for. Docket plans its meetings from this rhythm and files what you
        clip from its domains under it.
      </p>
      <ClientForm
        initial={newDraft()}
        version="new"
        isNew
        onSave={async ({ domains, ...rest }) => {
          const client = await createClient(db, await actorNow(db), { ...rest, domains: splitDomains(domains) });
          say(`${client.name} added.`);
          go({ client: client.id, view: 'settings', item: null, meeting: null });
        }}
      />
    </section>
  );
}

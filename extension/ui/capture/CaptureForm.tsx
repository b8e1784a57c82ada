import { useMemo, useState } from 'preact/hooks';
import { ITEM_KINDS, KIND_LABEL, RECURRENCES, SECTION_LABEL, SECTIONS } from '../../../shared/domain/labels';
import type { DocketDB } from '../../store/db';
import { actorNow, setLastClientId } from '../../store/me';
import { formatMeeting, formatMeetingShort } from '../format';
import { AmountHints } from './AmountHints';
import { DateHints } from './DateHints';
import { Evidence } from './Evidence';
import { hasScreenshot, ScreenshotButton } from './ScreenshotButton';
import {
  canFileInto,
  type CaptureContext,
  type FormState,
  forClient,
  initialForm,
  meetingOptions,
  NOWHERE_TO_FILE,
  nowhereToFile,
  placementFor,
  toFileTo,
  vendorsOf,
  withPlacement,
} from './form-state';
import type { Prepared } from './load';

export interface Saved {
  itemId: string;
  summary: string;
}

const CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'CHF', 'AUD'];
const PERIOD_LABEL: Record<(typeof RECURRENCES)[number], string> = {
  'one-time': 'Once',
  monthly: 'Month',
  quarterly: 'Quarter',
  yearly: 'Year',
};

export function CaptureForm(props: {
  db: DocketDB;
  prepared: Prepared;
  ctx: CaptureContext;
  onSaved: (s: Saved) => void;
  /** Takes a screenshot of the captured tab into `prepared.images` (absent for files, which have no tab). */
  addScreenshot?: () => Promise<void>;
}) {
  const { db, prepared, ctx } = props;
  const { draft, hints, duplicates } = prepared;
  const [form, setForm] = useState<FormState>(() => initialForm(draft, hints, ctx));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const client = ctx.clients.find((c) => c.id === form.clientId);
  const meetings = useMemo(() => meetingOptions(ctx, form.clientId), [ctx, form.clientId]);
  const placement = placementFor(form, ctx);
  // With every client a shared log this account may only view, there is nowhere to file: said up front.
  const nowhere = !form.clientId && nowhereToFile(ctx);
  const knownVendor = vendorsOf(ctx, form.clientId).some(
    (v) => v.name.toLowerCase() === form.vendorName.trim().toLowerCase(),
  );

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) =>
      key === 'section'
        ? { ...f, section: value as FormState['section'], sectionTouched: true }
        : withPlacement({ ...f, [key]: value }, ctx),
    );

  // The save path (schemas, history, outbox) loads while the user reads the form, not before the popup shows.
  const loadSave = useMemo(() => import('../../store/save-capture'), []);

  async function save(fileTo: ReturnType<typeof toFileTo>, summary: string) {
    setBusy(true);
    setError('');
    try {
      const { saveCapture } = await loadSave;
      const { item } = await saveCapture(db, await actorNow(db), draft, fileTo, prepared.images);
      await setLastClientId(db, item.clientId);
      props.onSaved({ itemId: item.id, summary });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: Event) {
    e.preventDefault();
    try {
      const meeting = meetings.find((m) => m.id === form.meetingId);
      const where =
        meeting && client ? `the meeting of ${formatMeeting(meeting.startsAt, client.timeZone)}` : 'the inbox';
      void save(
        toFileTo(form, draft, ctx),
        `Filed under ${client?.name ?? 'the client'}, for ${where} · ${SECTION_LABEL[form.section]}`,
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form class="capture-form" onSubmit={submit} aria-label="Quick capture">
      {duplicates.length > 0 && (
        <div class="notice" role="status" data-testid="duplicate">
          <p>
            Already captured {duplicates[0]!.by === 'message-id' ? '(same e-mail)' : '(same page)'} in “
            {duplicates[0]!.item.title}”.
          </p>
          {canFileInto(ctx, duplicates[0]!.item.clientId) ? (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void save(
                  { to: 'existing-item', itemId: duplicates[0]!.item.id },
                  `Attached to “${duplicates[0]!.item.title}”`,
                )
              }
            >
              Attach to that item
            </button>
          ) : (
            <p class="muted">That log is shared with you to view only: nothing can be attached to it.</p>
          )}
        </div>
      )}
      <Evidence draft={draft} images={prepared.images?.length ?? 0} />
      {props.addScreenshot && <ScreenshotButton take={props.addScreenshot} taken={hasScreenshot(prepared)} />}
      <label>
        Title
        <input name="title" value={form.title} onInput={(e) => set('title', e.currentTarget.value)} autoFocus />
      </label>
      <div class="row">
        <label class="client">
          Client
          <select
            name="client"
            value={form.clientId}
            onChange={(e) => setForm(forClient(form, draft, ctx, e.currentTarget.value))}
          >
            {ctx.clients.map((c) => (
              <option value={c.id} disabled={!canFileInto(ctx, c.id)}>
                {c.name}
                {canFileInto(ctx, c.id) ? '' : ' (view only)'}
              </option>
            ))}
          </select>
          {hints.clientId === form.clientId && hints.clientWhy && <small class="hint">{hints.clientWhy}</small>}
        </label>
        <label class="kind">
          Kind
          <select
            name="kind"
            value={form.kind}
            onChange={(e) => set('kind', e.currentTarget.value as FormState['kind'])}
          >
            {ITEM_KINDS.map((k) => (
              <option value={k}>{KIND_LABEL[k]}</option>
            ))}
          </select>
          {hints.kind === form.kind && hints.kindWhy && <small class="hint">{hints.kindWhy}</small>}
        </label>
      </div>
      {/* Meeting, section and vendor full width: a date with its weekday, the longest section name ("Decisions to
          prepare for leadership") and a vendor's hint must read whole in the 420 px popup, not "…prepare fo". */}
      <label>
        Meeting
        <select name="meeting" value={form.meetingId} onChange={(e) => set('meetingId', e.currentTarget.value)}>
          {meetings.map((m, i) => (
            <option value={m.id}>
              {client ? formatMeetingShort(m.startsAt, client.timeZone, ctx.now) : m.startsAt}
              {i === 0 ? ' (next)' : ''}
            </option>
          ))}
          <option value="">No meeting yet (inbox)</option>
        </select>
      </label>
      <label>
        Section
        <select
          name="section"
          value={form.section}
          onChange={(e) => set('section', e.currentTarget.value as FormState['section'])}
        >
          {SECTIONS.map((s) => (
            <option value={s}>{SECTION_LABEL[s]}</option>
          ))}
        </select>
      </label>
      {placement && !form.sectionTouched && (
        <small class="hint" data-testid="placement">
          {placement.reason}
        </small>
      )}
      <label class="vendor">
        Vendor
        <input
          name="vendor"
          list="vendors"
          value={form.vendorName}
          onInput={(e) => set('vendorName', e.currentTarget.value)}
        />
        <datalist id="vendors">
          {vendorsOf(ctx, form.clientId).map((v) => (
            <option value={v.name} />
          ))}
        </datalist>
        {hints.vendor && hints.vendor.name === form.vendorName.trim() && (
          <small class="hint" data-testid="vendor-why">
            {hints.vendor.why}
          </small>
        )}
        {form.vendorName.trim() && !knownVendor && (
          <small class="hint">New vendor: it will be added to {client?.name ?? 'the client'}’s registry.</small>
        )}
      </label>
      <div class="row amount">
        <label>
          Amount
          <input
            name="amount"
            inputMode="decimal"
            value={form.amount}
            onInput={(e) => set('amount', e.currentTarget.value)}
          />
        </label>
        <label>
          Currency
          <input
            name="currency"
            list="currencies"
            size={4}
            value={form.currency}
            onInput={(e) => set('currency', e.currentTarget.value)}
          />
          <datalist id="currencies">
            {CURRENCIES.map((c) => (
              <option value={c} />
            ))}
          </datalist>
        </label>
        <label>
          Per
          <select
            name="recurrence"
            value={form.recurrence}
            onChange={(e) => set('recurrence', e.currentTarget.value as FormState['recurrence'])}
          >
            {RECURRENCES.map((r) => (
              <option value={r}>{PERIOD_LABEL[r]}</option>
            ))}
          </select>
        </label>
      </div>
      {form.recurrence !== 'one-time' && (
        <label class="one-time">
          One-time fee <small>(setup, onboarding: kept beside the {form.recurrence} amount)</small>
          <input
            name="oneTime"
            inputMode="decimal"
            value={form.oneTime}
            onInput={(e) => set('oneTime', e.currentTarget.value)}
          />
        </label>
      )}
      <AmountHints
        hints={hints}
        form={form}
        pick={(a) =>
          setForm((f) => ({ ...f, amount: String(a.value), currency: a.currency, recurrence: a.recurrence }))
        }
      />
      <div class="row">
        <label>
          Decide by
          <input
            name="decideBy"
            type="date"
            value={form.decideBy}
            onInput={(e) => set('decideBy', e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input
            name="urgent"
            type="checkbox"
            checked={form.urgent}
            onChange={(e) => set('urgent', e.currentTarget.checked)}
          />
          Urgent: handle before the meeting
        </label>
      </div>
      <DateHints
        hints={hints}
        decideBy={form.decideBy}
        today={ctx.now.toISOString().slice(0, 10)}
        pick={(date) => set('decideBy', date)}
      />
      <label>
        Tags <small>(comma-separated)</small>
        <input name="tags" value={form.tags} onInput={(e) => set('tags', e.currentTarget.value)} />
      </label>
      {nowhere && (
        <p class="notice" role="status" data-testid="nowhere-to-file">
          {NOWHERE_TO_FILE}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy || nowhere}>
        Save to log <kbd>Enter</kbd>
      </button>
    </form>
  );
}

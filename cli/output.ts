import type { CaptureDraft, Hints, Item, Recurrence } from '../shared/domain';
import { localDateOf } from '../shared/export/format';
import { DATE_LABEL } from '../shared/domain/hints';
import { headline } from '../shared/hints/headline';
import { type CaptureContext, initialForm, meetingOptions, vendorHintFor } from '../extension/ui/capture/form-state';

/** Words in the captured text, Markdown markers aside. */
export function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** `<file>  <kind>  "<title>"  <n> words  [warnings]` */
export function humanLine(path: string, draft: CaptureDraft): string {
  const words = wordCount(draft.markdown);
  const parts = [path, draft.kind, JSON.stringify(draft.source.title), `${words} word${words === 1 ? '' : 's'}`];
  if (draft.warnings.length > 0) parts.push(`[${draft.warnings.join('; ')}]`);
  return parts.join('  ');
}

/** One NDJSON line: where the file was, then the draft (and its hints, and the form's prefill, when given). */
export function jsonLine(path: string, draft: CaptureDraft, hints?: unknown, form?: FormPrefill): string {
  return JSON.stringify({ path, ...draft, ...(hints === undefined ? {} : { hints }), ...(form ? { form } : {}) });
}

/** What the quick-capture form would show prefilled for a capture (see `formPrefill`). */
export interface FormPrefill {
  /** `why` is the hint's reason; null when the form fell back to its first client (no hint, no last client). */
  client: { id: string; name: string; why: string | null } | null;
  vendor: { name: string; why: string | null } | null;
  kind: { value: Item['kind']; why: string | null };
  amount: { value: number; currency: string; recurrence: Recurrence } | null;
  /** Why the amount is the default ("the document’s total (“Total one-time”)"); null when there is none. */
  amountWhy: string | null;
  /** The one-time fee kept beside a recurring amount. */
  oneTime: { value: number; currency: string; recurrence: 'one-time' } | null;
  decideBy: string | null;
  /** What the decide-by is and the words it was read from. */
  decideByWhy: string | null;
  meetingId: string | null;
  /** The meeting's date on the client's calendar. */
  meetingDate: string | null;
  section: Item['section'];
  title: string;
}

/** The form's own `initialForm` on the hints, told in words and figures; nothing here decides a field itself. */
export function formPrefill(draft: CaptureDraft, hints: Hints, ctx: CaptureContext): FormPrefill {
  const form = initialForm(draft, hints, ctx);
  const client = ctx.clients.find((c) => c.id === form.clientId) ?? null;
  // The vendor comes from the client's registry (forClient) when it knows the domain, else from the hints.
  const known = client ? vendorHintFor(draft, ctx, client.id) : null;
  const vendorWhy =
    known?.name === form.vendorName ? known.why : hints.vendor?.name === form.vendorName ? hints.vendor.why : null;
  const meeting = client ? meetingOptions(ctx, client.id).find((m) => m.id === form.meetingId) : undefined;
  return {
    client: client && {
      id: client.id,
      name: client.name,
      why: hints.clientId === client.id ? hints.clientWhy : null,
    },
    vendor: form.vendorName ? { name: form.vendorName, why: vendorWhy } : null,
    kind: { value: form.kind, why: hints.kind === form.kind ? hints.kindWhy : null },
    amount: form.amount ? { value: Number(form.amount), currency: form.currency, recurrence: form.recurrence } : null,
    amountWhy: form.amount ? (headline(hints.amounts, hints.kind)?.why ?? null) : null,
    oneTime:
      form.oneTime && form.recurrence !== 'one-time'
        ? { value: Number(form.oneTime), currency: form.currency, recurrence: 'one-time' }
        : null,
    decideBy: form.decideBy || null,
    decideByWhy: form.decideBy ? dateWhy(hints, form.decideBy) : null,
    meetingId: meeting?.id ?? null,
    meetingDate: meeting && client ? localDateOf(meeting.startsAt, client.timeZone) : null,
    section: form.section,
    title: form.title,
  };
}

function dateWhy(hints: Hints, date: string): string | null {
  const d = hints.dates.find((x) => x.date === date);
  return d ? `${DATE_LABEL[d.label].toLowerCase()}: “${d.text}”` : null;
}

/** 'CAD 7,850.00 monthly', with as many decimals as the currency has. */
export function amountText(amount: FormPrefill['amount'] | FormPrefill['oneTime']): string {
  if (!amount) return 'none';
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en-US', { style: 'currency', currency: amount.currency }).resolvedOptions()
      .minimumFractionDigits!;
  } catch {
    // Not a currency Intl knows: two decimals.
  }
  const figure = amount.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: 2 });
  return `${amount.currency} ${figure} ${amount.recurrence}`;
}

const because = (text: string, why: string | null) => (why ? `${text} — ${why}` : text);

/** The prefill as indented `label: value` lines, to print under the file's humanLine. */
export function formLines(form: FormPrefill): string[] {
  const client = form.client
    ? because(form.client.name, form.client.why ?? 'no hint: the form’s first client')
    : 'none (no clients)';
  return [
    `client: ${client}`,
    `vendor: ${form.vendor ? because(form.vendor.name, form.vendor.why) : 'none'}`,
    `kind: ${because(form.kind.value, form.kind.why ?? 'no hint: the form’s default')}`,
    `amount: ${because(amountText(form.amount), form.amountWhy)}`,
    ...(form.oneTime ? [`one-time fee: ${amountText(form.oneTime)}`] : []),
    `decide-by: ${because(form.decideBy ?? 'none', form.decideByWhy)}`,
    `meeting: ${form.meetingDate ?? 'none'}`,
    `section: ${form.section}`,
    `title: ${form.title}`,
  ].map((line) => `    ${line}`);
}

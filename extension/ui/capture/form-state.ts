import type { CaptureDraft, Client, Hints, Item, Meeting, Recurrence, Vendor } from '../../../shared/domain';
import { headline } from '../../../shared/hints/headline';
import { proposedDecideBy } from '../../../shared/hints/decide-by';
import { vendorHint } from '../../../shared/hints/context-hints';
// Straight from the rule files, not the index: the popup must not load the workspace's rules.
import { type NextMeeting, upcomingMeetings } from '../../../shared/rules/next-meeting';
import { defaultPlacement, type Placement } from '../../../shared/rules/placement';
import { statusOfNewItem } from '../../../shared/rules/filing';
import type { FileTo, VendorChoice } from '../../store/save-capture';
import { viewOnlyMessage } from '../../sync/access';
import { parseMoney } from '../money';

export interface CaptureContext {
  clients: Client[];
  vendors: Vendor[];
  meetings: Meeting[];
  lastClientId: string | null;
  now: Date;
  /** Clients whose log this account may only view (a viewer, or access lost): offered, but never filed into. */
  viewOnly?: readonly string[];
}

/** The quick-capture form as the user sees it: plain strings, turned into an item only on save. */
export interface FormState {
  clientId: string;
  /** '' = no meeting (stays in the inbox). */
  meetingId: string;
  section: Item['section'];
  kind: Item['kind'];
  title: string;
  vendorName: string;
  amount: string;
  currency: string;
  recurrence: Recurrence;
  /** A one-time fee kept beside a recurring amount (setup, onboarding), in the same currency; '' = none. */
  oneTime: string;
  decideBy: string;
  tags: string;
  urgent: boolean;
  /** The user picked the section themselves: stop re-deriving it. */
  sectionTouched: boolean;
}

export class FormError extends Error {}

/** Whether captures may be filed under this client here. */
export function canFileInto(ctx: CaptureContext, clientId: string): boolean {
  return !ctx.viewOnly?.includes(clientId);
}

/** Every client here is one this account may only view: there is nowhere to file a capture. */
export function nowhereToFile(ctx: CaptureContext): boolean {
  return ctx.clients.length > 0 && ctx.clients.every((c) => !canFileInto(ctx, c.id));
}
export const NOWHERE_TO_FILE =
  'Every client here is a shared log you can view but not change: add a client of your own in the log to file this capture.';

/** Why a capture may not be filed under this client; null when it may. */
export function viewOnlyReason(ctx: CaptureContext, clientId: string): string | null {
  if (canFileInto(ctx, clientId)) return null;
  const name = ctx.clients.find((c) => c.id === clientId)?.name ?? 'this client';
  return `${viewOnlyMessage(name)} File this capture under another client.`;
}

export function vendorsOf(ctx: CaptureContext, clientId: string): Vendor[] {
  return ctx.vendors.filter((v) => v.clientId === clientId);
}

/** The vendor as `clientId`'s registry knows it, read the same way as the capture's hints (shared/hints). */
export function vendorHintFor(draft: CaptureDraft, ctx: CaptureContext, clientId: string) {
  return vendorHint(draft, ctx.clients, ctx.vendors, clientId);
}

export function meetingOptions(ctx: CaptureContext, clientId: string): NextMeeting[] {
  const client = ctx.clients.find((c) => c.id === clientId);
  return client ? upcomingMeetings(client, ctx.meetings, ctx.now, 4) : [];
}

export function placementFor(
  form: Pick<FormState, 'clientId' | 'meetingId' | 'kind' | 'urgent' | 'decideBy'>,
  ctx: CaptureContext,
): Placement | null {
  const client = ctx.clients.find((c) => c.id === form.clientId);
  const meeting = meetingOptions(ctx, form.clientId).find((m) => m.id === form.meetingId);
  if (!client || !meeting) return null;
  return defaultPlacement(
    { kind: form.kind, urgent: form.urgent, decideBy: form.decideBy || null },
    meeting,
    client.timeZone,
    ctx.now,
  );
}

/** Fields that depend on the client: its next meeting and the vendor as its registry knows it. */
export function forClient(form: FormState, draft: CaptureDraft, ctx: CaptureContext, clientId: string): FormState {
  const next = meetingOptions(ctx, clientId)[0];
  const vendor = vendorHintFor(draft, ctx, clientId);
  const moved = { ...form, clientId, meetingId: next?.id ?? '', vendorName: vendor?.name ?? form.vendorName };
  return withPlacement(moved, ctx);
}

/** Re-derives section (unless the user chose one) and urgency from the rules. */
export function withPlacement(form: FormState, ctx: CaptureContext): FormState {
  const placement = placementFor(form, ctx);
  if (!placement || form.sectionTouched) return form;
  return { ...form, section: placement.section };
}

export function initialForm(draft: CaptureDraft, hints: Hints, ctx: CaptureContext): FormState {
  // Only a client this account may file into is proposed; with none, the form says so when saved.
  const known = (id: string | null) => (id && ctx.clients.some((c) => c.id === id) && canFileInto(ctx, id) ? id : null);
  const clientId =
    known(hints.clientId) ?? known(ctx.lastClientId) ?? ctx.clients.find((c) => canFileInto(ctx, c.id))?.id ?? '';
  const today = ctx.now.toISOString().slice(0, 10);
  const decideBy = proposedDecideBy(hints.dates, today)?.date ?? '';
  const top = headline(hints.amounts, hints.kind);
  const amount = top?.amount ?? null;
  const oneTime = top?.oneTime && top.oneTime.currency === amount?.currency ? top.oneTime : null;
  const base: FormState = {
    clientId,
    meetingId: '',
    section: 'vendor-follow-up',
    kind: hints.kind ?? (draft.kind === 'email' ? 'other' : 'other'),
    title: hints.title || draft.source.title,
    vendorName: hints.vendor?.name ?? '',
    amount: amount ? String(amount.value) : '',
    currency: amount?.currency ?? '',
    recurrence: amount?.recurrence ?? 'one-time',
    oneTime: oneTime ? String(oneTime.value) : '',
    decideBy,
    tags: '',
    urgent: false,
    sectionTouched: false,
  };
  return clientId ? forClient(base, draft, ctx, clientId) : base;
}

function parseAmount(form: FormState) {
  try {
    return parseMoney(form.amount, form.currency, form.recurrence);
  } catch (e) {
    throw new FormError(e instanceof Error ? e.message : String(e));
  }
}

/** The one-time fee beside a recurring amount; none when the amount itself is one-time. */
function parseOneTime(form: FormState) {
  if (form.recurrence === 'one-time' || !form.oneTime.trim()) return null;
  try {
    return parseMoney(form.oneTime, form.currency, 'one-time');
  } catch (e) {
    throw new FormError(`One-time fee: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function vendorChoice(form: FormState, draft: CaptureDraft, ctx: CaptureContext): VendorChoice {
  const name = form.vendorName.trim();
  if (!name) return null;
  const existing = vendorsOf(ctx, form.clientId).find((v) => v.name.toLowerCase() === name.toLowerCase());
  if (existing) return { id: existing.id };
  const hint = vendorHintFor(draft, ctx, form.clientId);
  return { name, domain: hint && hint.name.toLowerCase() === name.toLowerCase() ? hint.domain : null };
}

/** Turns the form into a filing instruction for the store, or explains what is missing. */
export function toFileTo(form: FormState, draft: CaptureDraft, ctx: CaptureContext): FileTo {
  if (!form.clientId)
    throw new FormError(nowhereToFile(ctx) ? NOWHERE_TO_FILE : 'Choose the client this capture belongs to.');
  const refused = viewOnlyReason(ctx, form.clientId);
  if (refused) throw new FormError(refused);
  if (!form.title.trim()) throw new FormError('Give the item a title.');
  const meeting = meetingOptions(ctx, form.clientId).find((m) => m.id === form.meetingId) ?? null;
  const placement = placementFor(form, ctx);
  return {
    to: 'new-item',
    item: {
      clientId: form.clientId,
      meeting: meeting && { id: meeting.id, startsAt: meeting.startsAt, fromCadence: meeting.fromCadence },
      section: form.section,
      kind: form.kind,
      status: statusOfNewItem(meeting?.id ?? null, placement?.status ?? 'inbox'),
      title: form.title.trim(),
      vendor: vendorChoice(form, draft, ctx),
      amount: parseAmount(form),
      oneTimeAmount: parseOneTime(form),
      decideBy: form.decideBy || null,
      urgent: form.urgent || (placement?.urgent ?? false),
      tags: [
        ...new Set(
          form.tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ],
    },
  };
}

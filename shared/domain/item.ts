import { z } from 'zod';
import { Id, Instant, LocalDate, Money, OneTimeFee } from './common';
import { Action, Decision } from './decision';
import { ITEM_KINDS, ITEM_STATUSES, SECTION_VALUES } from './labels';

export const Section = z.enum(SECTION_VALUES);
export type Section = z.infer<typeof Section>;
export { KIND_LABEL, SECTIONS, SECTION_LABEL, STATUS_LABEL } from './labels';

export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const Tag = z.string().trim().min(1).max(60);

export const Item = z.object({
  id: Id,
  clientId: Id,
  meetingId: Id.nullable(),
  section: Section,
  kind: ItemKind,
  status: ItemStatus,
  title: z.string().trim().min(1, 'an item needs a title').max(500),
  vendorId: Id.nullable(),
  amount: Money.nullable(),
  /** A one-time fee (setup, onboarding) that comes with a recurring `amount`, kept apart from it; null: none. */
  oneTimeAmount: OneTimeFee.nullable().default(null),
  decideBy: LocalDate.nullable(),
  /** Needs handling before the meeting, not just on it. */
  urgent: z.boolean(),
  tags: z.array(Tag).max(50),
  notes: z.string().max(100_000).default(''),
  /** Position within its agenda section (ascending). */
  agendaOrder: z.number().finite().default(0),
  /** Ticked during the meeting; undiscussed items carry forward when the meeting is marked held. */
  discussed: z.boolean().default(false),
  /** Times it was carried to a later meeting, each with a note. */
  slips: z
    .array(z.object({ fromMeetingId: Id, toMeetingId: Id, at: Instant, note: z.string().max(500) }))
    .max(100)
    .default([]),
  decision: Decision.nullable().default(null),
  actions: z.array(Action).max(100).default([]),
  contractId: Id.nullable().default(null),
  createdAt: Instant,
  createdBy: z.string().min(1),
  updatedAt: Instant,
});
export type Item = z.infer<typeof Item>;

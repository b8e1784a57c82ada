import { z } from 'zod';
import { Id, Instant, LocalDate, Money } from './common';
import { Action, Decision } from './decision';

export const Section = z.enum(['project-review', 'vendor-follow-up', 'decision-to-prepare', 'urgent']);
export type Section = z.infer<typeof Section>;
/** Agenda order, as held in the meeting. */
export const SECTIONS: readonly Section[] = Section.options;
export const SECTION_LABEL: Record<Section, string> = {
  'project-review': 'Project review',
  'vendor-follow-up': 'Vendor follow-up',
  'decision-to-prepare': 'Decisions to prepare for leadership',
  urgent: 'Urgent items',
};

export const ItemKind = z.enum(['proposal', 'quote', 'contract', 'renewal', 'incident', 'change', 'project', 'other']);
export type ItemKind = z.infer<typeof ItemKind>;

export const ItemStatus = z.enum(['inbox', 'to-prepare', 'on-agenda', 'decided', 'deferred', 'rejected', 'withdrawn']);
export type ItemStatus = z.infer<typeof ItemStatus>;
export const STATUS_LABEL: Record<ItemStatus, string> = {
  inbox: 'Inbox',
  'to-prepare': 'To prepare',
  'on-agenda': 'On agenda',
  decided: 'Decided',
  deferred: 'Deferred',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

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

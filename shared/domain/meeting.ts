import { z } from 'zod';
import { Id, Instant, Money, OneTimeFee } from './common';
import { Action, DecisionStatus } from './decision';
import { ItemStatus, Section } from './item';
import { MeetingSeal } from './seal';

export const MeetingStatus = z.enum(['planned', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** One line of a held meeting's agenda, frozen as it stood when the meeting was marked held. */
export const HeldAgendaLine = z.object({
  itemId: Id,
  title: z.string(),
  section: Section,
  status: ItemStatus,
  vendor: z.string().nullable(),
  amount: Money.nullable(),
  /**
   * The item's one-time fee as it stood, present only when it had one. Optional, not defaulted: a line frozen before
   * there was a fee (or by a Docket that does not know it) must still be in stored form, or the sync server would
   * refuse the held meeting it comes in.
   */
  oneTimeAmount: OneTimeFee.nullable().optional(),
  discussed: z.boolean(),
  decision: z.object({ status: DecisionStatus, decision: z.string(), decidedBy: z.string().nullable() }).nullable(),
  actions: z.array(Action),
});
export type HeldAgendaLine = z.infer<typeof HeldAgendaLine>;

export const Meeting = z.object({
  id: Id,
  clientId: Id,
  startsAt: Instant,
  status: MeetingStatus,
  /** Planned by the cadence rule (not added by hand). */
  fromCadence: z.boolean(),
  title: z.string().max(200).default(''),
  /** Free notes taken during the meeting; the decisions and actions come from the items. */
  minutes: z.string().max(200_000).default(''),
  /** Set when held: the agenda as it was held. Never rewritten afterwards. */
  heldAgenda: z.array(HeldAgendaLine).nullable().default(null),
  heldAt: Instant.nullable().default(null),
  /**
   * Set when sealed (held and signed): what was decided, hashed and signed. Never rewritten; later edits are
   * amendments. Optional, not defaulted: meetings held before sealing existed stay in stored form.
   */
  seal: MeetingSeal.nullable().optional(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Meeting = z.infer<typeof Meeting>;

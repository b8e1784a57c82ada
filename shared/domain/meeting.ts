import { z } from 'zod';
import { Id, Instant } from './common';

export const MeetingStatus = z.enum(['planned', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const Meeting = z.object({
  id: Id,
  clientId: Id,
  startsAt: Instant,
  status: MeetingStatus,
  /** Planned by the cadence rule (not added by hand). */
  fromCadence: z.boolean(),
  title: z.string().max(200).default(''),
  minutes: z.string().max(200_000).default(''),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Meeting = z.infer<typeof Meeting>;

import { z } from 'zod';
import { Domain, Id, Instant, LocalDate, LocalTime } from './common';

export const Cadence = z.enum(['weekly', 'biweekly', 'monthly', 'bimonthly']);
export type Cadence = z.infer<typeof Cadence>;
export const CADENCE_LABEL: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  bimonthly: 'Every two months',
};

/** Day and month names for labels and documents: fixed English tables, the same on every machine. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export const Weekday = z.number().int().min(0).max(6);

export const Client = z.object({
  id: Id,
  name: z.string().trim().min(1, 'a client needs a name').max(200),
  cadence: Cadence,
  weekday: Weekday,
  time: LocalTime,
  /** IANA zone the meeting is held in, e.g. `America/Toronto`. */
  timeZone: z.string().min(1),
  /**
   * Which week of the month for monthly and two-monthly cadences: 1–4, or -1 for the last.
   * Ignored for weekly cadences.
   */
  weekOfMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]).default(1),
  /** A date on which a meeting was (or will be) held; fixes which weeks/months a bi-weekly or two-monthly cadence uses. */
  anchorDate: LocalDate,
  meetingMinutes: z.number().int().min(5).max(480).default(60),
  /** First month of the client's fiscal year, 1 = January. Budgets are per fiscal year. */
  fiscalYearStart: z.number().int().min(1).max(12).default(1),
  /** E-mail and web domains that belong to the client (its staff, its portals). */
  domains: z.array(Domain).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Client = z.infer<typeof Client>;

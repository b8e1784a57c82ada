import { z } from 'zod';
import { Domain, Id, Instant } from './common';

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

/**
 * True for a name the time-zone database knows (`America/Halifax`, `UTC`): what the meeting rules hand to `Intl`.
 * Offsets ("+04:00") and words ("Atlantic Time") are refused: `Intl` would take the first and throw on the second,
 * and either would make every meeting of the client wrong or unreadable.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name, refused with the way out when it is not one. */
export const TimeZone = z
  .string()
  .trim()
  .min(1, 'choose a time zone, such as America/Toronto')
  .refine(isTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not a time zone: choose one such as America/Halifax`,
  });

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export const Weekday = z.number().int().min(0).max(6);

export const Client = z.object({
  id: Id,
  name: z.string().trim().min(1, 'a client needs a name').max(200, 'a client’s name is at most 200 characters'),
  cadence: Cadence,
  weekday: Weekday,
  /** `HH:MM`, 24 h, as LocalTime; worded here for the client form. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'choose a meeting time, such as 09:00'),
  /** IANA zone the meeting is held in, e.g. `America/Toronto`. */
  timeZone: TimeZone,
  /**
   * Which week of the month for monthly and two-monthly cadences: 1–4, or -1 for the last.
   * Ignored for weekly cadences.
   */
  weekOfMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]).default(1),
  /** A date on which a meeting was (or will be) held; fixes which weeks/months a bi-weekly or two-monthly cadence uses. */
  anchorDate: z.iso.date({ error: 'choose a date on which a meeting was or will be held' }),
  meetingMinutes: z
    .number({ error: 'a meeting lasts 5 to 480 minutes' })
    .int('a meeting lasts a whole number of minutes')
    .min(5, 'a meeting lasts 5 to 480 minutes')
    .max(480, 'a meeting lasts 5 to 480 minutes')
    .default(60),
  /** First month of the client's fiscal year, 1 = January. Budgets are per fiscal year. */
  fiscalYearStart: z.number().int().min(1).max(12).default(1),
  /** E-mail and web domains that belong to the client (its staff, its portals). */
  domains: z.array(Domain).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Client = z.infer<typeof Client>;

import { z } from 'zod';
import { RECURRENCES } from './labels';
export { RECURRENCE_LABEL } from './labels';

/** Client-made, time-sortable id (UUIDv7) or, for cadence-planned meetings, a deterministic one. */
export const Id = z.string().min(1).max(200);
/** An instant, always UTC ISO-8601 (`2026-11-26T14:00:00.000Z`). */
export const Instant = z.iso.datetime({ offset: false });
/** A calendar date with no time (`2026-12-01`), e.g. a decide-by date. */
export const LocalDate = z.iso.date();
/** A wall-clock time `HH:MM`, 24 h. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)');
/** An internet domain, lower-case, no scheme (`acme-cloud.com`). */
export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'not a domain name');

export const Currency = z
  .string({ error: 'an amount needs a currency, an ISO 4217 code such as USD' })
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as USD');
export const Recurrence = z.enum(RECURRENCES);
export type Recurrence = z.infer<typeof Recurrence>;

/** A sum of money in major units (dollars, euros), with the period it recurs over. */
export const Money = z.object({
  value: z.number().finite().nonnegative(),
  currency: Currency,
  recurrence: Recurrence,
});
export type Money = z.infer<typeof Money>;

/**
 * A fee paid once (setup, onboarding) that comes with a recurring amount, kept apart from it. Its recurrence is always
 * 'one-time': a sum that recurs belongs in the amount.
 */
export const OneTimeFee = Money.refine((m) => m.recurrence === 'one-time', {
  path: ['recurrence'],
  error: 'a one-time fee is paid once (its recurrence must be one-time); a recurring sum goes in the amount',
});

import type { Money } from '../../shared/domain';

/**
 * Making an Intl formatter costs far more than formatting with one, and a page formats hundreds of values (a
 * client's meeting picker lists every past meeting, an agenda every amount): one formatter per set of options.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat('en-GB', options)));
  return format;
}
function currencyFormat(currency: string): Intl.NumberFormat {
  const key = `currency ${currency}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat('en-US', { style: 'currency', currency })));
  return format;
}

/** A meeting's start in the client's own time zone: "Tue 8 Dec 2026, 09:00". */
export function formatMeeting(startsAt: string, timeZone: string): string {
  return dateFormat({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(startsAt));
}

/** Short form for pickers: "Tue 8 Dec, 09:00" (the year only when it is not this year's). */
export function formatMeetingShort(startsAt: string, timeZone: string, now = new Date()): string {
  const sameYear = new Date(startsAt).getUTCFullYear() === now.getUTCFullYear();
  return dateFormat({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(startsAt));
}

export function formatInstant(at: string): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

const PERIOD: Record<Money['recurrence'], string> = {
  'one-time': '',
  monthly: '/month',
  quarterly: '/quarter',
  yearly: '/year',
};

export function formatMoney(money: Money): string {
  const amount = currencyFormat(money.currency).format(money.value);
  return `${amount}${PERIOD[money.recurrence]}`;
}

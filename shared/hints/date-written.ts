import type * as chrono from 'chrono-node';

/**
 * Whether chrono's reading is a day the document itself writes down. A wrong prefilled date costs a vCIO more than
 * an empty field, so anything counted from today ("within 7 days", "tomorrow", "next week", "end of month") is
 * refused, and so are the look-alikes: "24/7" and "7/24" support, version numbers, and people named Friday or Mardi.
 */

/** chrono's tags for readings counted from its reference day rather than written as a day. */
const RELATIVE_TAG = /^(?:result\/relativeDate|casualReference\/|parser\/\w*(?:EndOf|Casual|TimeUnit|Relative))/;

/** "24/7", "7/24", "12/15": numbers with a slash and no year are support hours or fractions as often as dates. */
const NUMERIC = /^[\d\s/.\-–]+$/;

/**
 * A weekday alone is a day only when it is a deadline's ("by Friday", "d'ici vendredi") and the document is dated
 * (an e-mail's sent day): "Robin Friday", "Marc Mardi" are names, and "Friday" read from today is a guess.
 */
const WEEKDAY_LEAD =
  /(?<![\p{L}])(?:by|before|until|till|on|this|next|d['’]ici|avant|jusqu['’](?:à|au)|au plus tard|ce|dès)\s+$/iu;

/** "24/7 au 1 800…", "7/24": support hours, whatever words chrono reads after them. */
const ROUND_THE_CLOCK = /(?<!\d)(?:24\s*\/\s*7|7\s*\/\s*24)(?![\d/])/;
/** "15/4" with no year: a day/month guess, unless the year is written right after. */
const SLASH_NO_YEAR = /^\d{1,2}\s*\/\s*\d{1,2}(?!\s*\/\s*\d)/;

export function isWrittenDay(r: chrono.ParsedResult, before: string, anchored: boolean): boolean {
  const c = r.start;
  if (ROUND_THE_CLOCK.test(r.text) || (SLASH_NO_YEAR.test(r.text) && !c.isCertain('year'))) return false;
  if ([...r.tags()].some((t) => RELATIVE_TAG.test(t))) return false;
  if (NUMERIC.test(r.text) && !c.isCertain('year')) return false;
  if (c.isCertain('day') && c.isCertain('month')) return true;
  if (!c.isCertain('weekday') || !anchored) return false;
  // The words before the weekday itself, "this"/"next" included: "respond by Friday", "d'ici vendredi".
  const lead = before + r.text.replace(/\p{L}+[,.]?\s*$/u, '');
  return WEEKDAY_LEAD.test(lead);
}

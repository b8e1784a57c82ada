import type { Recurrence } from '../domain';

/**
 * Reads how often a sum recurs from the words right next to it ("/mo", "per year", "quarterly fee of",
 * "par mois", "HT / an", "setup fee of"). English and French.
 */

const L = '\\p{L}';
/** A whole word (accent-aware: `\b` does not know that "é" is a letter). */
const word = (s: string) => `(?<![${L}])(?:${s})(?![${L}])`;
/** A unit after "/", "per", "par", "a", "each": "/mo", "per month", "par an". */
const unit = (s: string) => `(?:\\/|(?<![${L}])(?:per|par|a|each|every|chaque)\\s)\\s*(?:${s})(?![${L}])`;

const MONTHLY = `${unit('mo|mos|mth|month|mois')}|${word('monthly|months?|mensuel(?:le)?s?|mensuellement|mensualités?')}`;
const YEARLY =
  `${unit('yr|year|an|année|annum')}|` +
  word('yearly|years?|yrs?|annual|annually|annuel(?:le)?s?|annuellement|per annum|p\\.a\\.?');
const QUARTERLY = `${unit('qtr|quarter|trimestre')}|${word('quarterly|quarters?|qtr|trimestriel(?:le)?s?|trimestriellement|trimestres?')}`;
const ONE_TIME = word(
  'one[-\\s]?time|once|one[-\\s]off|set[-\\s]?up|installation|uniques?|non[-\\s]recurring|ponctuel(?:le)?s?|up[-\\s]?front|lump[-\\s]sum',
);

const WORDS = new RegExp(
  `(?<monthly>${MONTHLY})|(?<yearly>${YEARLY})|(?<quarterly>${QUARTERLY})|(?<oneTime>${ONE_TIME})`,
  'giu',
);

/** "over 36 months", "for 3 years", "sur 36 mois": a total for a term, not a rate. */
const TERM = new RegExp(
  `^\\s*[,(]?\\s*(?:in\\s+total\\s+)?(?:over|for|across|pour|sur)\\s+(?:a\\s+|an\\s+|the\\s+|une\\s+durée\\s+de\\s+)?` +
    `\\d+[-\\s]?(?:months?|years?|mois|ans?|années?)(?![${L}])`,
  'iu',
);

export interface RecurrenceMatch {
  recurrence: Recurrence;
  /** Absolute offsets of the words it was read from. */
  start: number;
  end: number;
}

const WINDOW = 40;

function found(m: RegExpExecArray, offset: number): RecurrenceMatch {
  const g = m.groups ?? {};
  const recurrence: Recurrence = g.monthly ? 'monthly' : g.yearly ? 'yearly' : g.quarterly ? 'quarterly' : 'one-time';
  return { recurrence, start: offset + m.index, end: offset + m.index + m[0].length };
}

const allMatches = (s: string): RegExpExecArray[] => [...s.matchAll(WORDS)];

/** The recurrence read right after an amount (closest first), or right before it (closest last). */
export function recurrenceNear(text: string, start: number, end: number): RecurrenceMatch | null {
  // After: stop at a line or sentence end, or at the next figure or currency symbol (the next amount's words).
  const rawAfter = text.slice(end, end + WINDOW).split(/[\n\r;]|\.(?:\s|$)/)[0] ?? '';
  const after = rawAfter.split(/[\d$€£]/)[0] ?? '';
  const first = allMatches(after)[0];
  if (first) return found(first, end);

  const term = TERM.exec(rawAfter);
  if (term) return { recurrence: 'one-time', start, end: end + term[0].length };

  // Before: "quarterly fee of $3,000", "setup fee of", "Abonnement mensuel :".
  const from = Math.max(0, start - WINDOW);
  const rawBefore = text.slice(from, start);
  const cut = Math.max(
    rawBefore.lastIndexOf('\n'),
    rawBefore.search(/[.;]\s[^.;]*$/),
    rawBefore.search(/[\d$€£][^\d$€£]*$/),
  );
  const before = cut >= 0 ? rawBefore.slice(cut + 1) : rawBefore;
  const offset = from + (cut >= 0 ? cut + 1 : 0);
  const last = allMatches(before).at(-1);
  return last ? found(last, offset) : null;
}

import type { DatePhrase } from '../domain';
import { findTriggers } from './date-triggers';

/**
 * "Cancel within 7 days", "répondre dans les 10 jours ouvrables": a deadline the document counts from nothing it
 * writes down. It is never turned into a date (counted from today it would be a guess), but the vCIO sees it as
 * written, labelled by the deadline words in its sentence.
 */

const RELATIVE =
  /(?<![\p{L}\d])(?:within|in the next|no later than|dans les|d['’]ici|sous|au plus tard)\s+\d{1,3}\s*(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?|jours?(?:\s+ouvrables)?|semaines?|mois)(?![\p{L}])(?:\s+(?:of|after|from|before|suivant|après|de|avant)\s+[^.;!?\n]{1,40})?/giu;

const MAX_PHRASES = 5;

export function findPhrases(text: string, datedTexts: readonly string[]): DatePhrase[] {
  const out: DatePhrase[] = [];
  for (const m of text.matchAll(RELATIVE)) {
    const from = Math.max(0, ...['. ', '.\n', '\n', '; ', '! ', '? '].map((s) => text.lastIndexOf(s, m.index) + 1));
    const toRaw = text.slice(m.index + m[0].length).search(/[.;!?](?:\s|$)|\n/);
    const to = toRaw < 0 ? text.length : m.index + m[0].length + toRaw;
    const sentence = text
      .slice(from, to + 1)
      .replace(/\s+/g, ' ')
      .trim();
    // Only a deadline's words make it one: "restores within 4 hours" is a promise, not a date to act by.
    const trigger = findTriggers(sentence).find((t) => t.label !== 'quote-date' && t.label !== 'term-start');
    if (!trigger) continue;
    if (datedTexts.some((d) => d.includes(m[0].replace(/\s+/g, ' ')))) continue;
    if (out.some((p) => p.text === sentence)) continue;
    out.push({ label: trigger.label, text: sentence.slice(0, 200) });
    if (out.length >= MAX_PHRASES) break;
  }
  return out;
}

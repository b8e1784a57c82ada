import type { DateHint } from '../domain';

/**
 * The words that make a date matter for a decision: a renewal, an expiry, an offer's validity, a deadline,
 * a notice to give. English and French. A date with none of these nearby (an e-mail's "Sent:" line, a
 * page's footer) is not a hint.
 */
export type DateLabel = DateHint['label'];

export interface Trigger {
  label: DateLabel;
  start: number;
  end: number;
  /** A bare connective ("before", "au plus tard"): it borrows the label of a notice phrase just before it. */
  weak: boolean;
  /** "Current term: Feb 1, 2026 – Jan 31, 2027": only a range of dates after it counts, as a term's start and end. */
  range: boolean;
}

const L = '\\p{L}';
/** Longer phrases first so "cancel by" is a cancel-by and "renewal notice" a renewal, not a notice. */
const PHRASES: Array<[DateLabel, string, kind?: 'weak' | 'range']> = [
  [
    'cancel-by',
    'cancel(?:l?ation)? (?:by|before|no later than|deadline)|last day to cancel|cancel(?:l?ation)? requests? (?:by|before)',
  ],
  ['notice', 'termination notice|notice of (?:non-)?renewal|notice of termination|notice period|notice'],
  ['renewal', 'renewal notice|renewal date|auto(?:-| )?renew(?:al|s|ed)?|renews?|renewed|renewing|renewal'],
  [
    'valid-until',
    '(?:offer|quote|quotation|pricing|price|proposal) (?:is )?valid(?: until| through| till)?|valid (?:until|through|till|thru)|good (?:until|through)|expiration of (?:this )?(?:quote|offer)|quote expires',
  ],
  [
    'term-start',
    'start date|term start|starts? on|starting on|commencement date|commences? on|begins? on|service start date',
  ],
  ['term-end', 'expiry|expires?|expiring|expired|expiration|end date|ends on|term ends|will end|term end|end of term'],
  [
    'term-start',
    '(?:current term|contract term|subscription term|initial term|renewal term|term|coverage period|service period|période couverte|période de couverture|période en cours|période actuelle|durée du contrat|durée|terme)(?! (?:ends?|end date|starts?|start date|begins?|expires?))',
    'range',
  ],
  // "Open a ticket by …", "confirm completion by …": what the reader must do, and by when.
  [
    'decide-by',
    "(?:open|submit|send|request|let us know|notify us|tell us|contact us|register|reserve|order|book|complete|choose|select|schedule|confirm|return|sign|approve|accept|respond|reply|pay)(?: [\\p{L}'’-]+){1,4} by",
  ],
  [
    'decide-by',
    'deadline|due(?: date| on| by)?|respond by|reply by|sign(?:ed)? by|decide by|confirm by|approve by|accept by|return by',
  ],
  [
    'cancel-by',
    "annul(?:er|ation) (?:avant|au plus tard)|résili(?:er|ation) (?:avant|au plus tard)|date limite d['’]annulation",
  ],
  ['notice', 'préavis|avis de non-renouvellement|résiliation|résilier'],
  ['renewal', 'renouvellement|renouvel(?:é|ée|er|le|lera)|se renouvelle|reconduction|reconduit(?:e)?'],
  [
    'valid-until',
    "(?:offre|devis|soumission|proposition|prix) valable|valable jusqu['’](?:au|à)|valide jusqu['’](?:au|à)|valable|validité",
  ],
  [
    'term-start',
    "date de début|début du contrat|début de l['’]entente|débute le|débutera le|commence le|commencera le",
  ],
  [
    'term-end',
    "arrive à échéance|arrivera à échéance|expire|expiration|date de fin|prend fin|prendra fin|fin du contrat|fin de l[’']entente|échéance",
  ],
  [
    'decide-by',
    "date limite|date d['’]échéance|échéance de (?:la facture|paiement)|payable le|répondre (?:avant|d['’]ici)|à signer avant|à retourner avant|signer d['’]ici",
  ],
  ['decide-by', "no later than|before|au plus tard|avant le|d['’]ici le", 'weak'],
  [
    'quote-date',
    "(?:quote|quotation|proposal|invoice|issue|order) date|date of issue|issued(?: on)?|dated|date d['’]émission|date de (?:la )?(?:soumission|facture|proposition)|date de l['’]offre|émise? le|datée? du|publiée? le|posted(?: on)?|published(?: on)?",
  ],
  // A bare "Date:" label: the document's own date, unless a longer trigger ends right before it ("Renewal date").
  // The day a change takes effect: shown, and counted from ("30 days before the effective date"), never a deadline.
  [
    'other',
    'effective(?: date| on| from| as of)?|takes? effect|à compter du|en vigueur(?: le)?|entre(?:ra)? en vigueur|prend(?:ra)? effet',
  ],
  ['quote-date', 'date(?=\\s*[*_]*\\s*[:|])'],
];

const SPACE = '[\\s\\u00a0\\u202f]+';

const TRIGGERS = new RegExp(
  // French writes "arrive à échéance" with no-break spaces: any space between words will do.
  PHRASES.map(([, words], i) => `(?<t${i}>(?<![${L}])(?:${words.replace(/ /g, SPACE)})(?![${L}]))`).join('|'),
  'giu',
);

/** Every trigger phrase in `text`, in document order. Stops after `max` to bound the work on huge pages. */
export function findTriggers(text: string, max = 400): Trigger[] {
  const out: Trigger[] = [];
  for (const m of text.matchAll(TRIGGERS)) {
    const i = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    const phrase = i ? PHRASES[Number(i.slice(1))] : undefined;
    if (!phrase) continue;
    if (/^date$/i.test(m[0]) && (out.at(-1)?.end ?? -9) >= m.index - 2) continue;
    out.push({
      label: phrase[0],
      start: m.index,
      end: m.index + m[0].length,
      weak: phrase[2] === 'weak',
      range: phrase[2] === 'range',
    });
    if (out.length >= max) break;
  }
  return out;
}

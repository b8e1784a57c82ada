import type { ItemKind } from '../domain';

/**
 * Guesses what an item is from its wording. A word in the title counts three times a word in the body,
 * and a body word counts at most a few times, so a long contract that mentions "quote" once stays a contract.
 * Ties go to the kind named earliest in the title ("Quote for renewal" is a quote), then earliest in the body,
 * then to the order below.
 */

const L = '\\p{L}';
const words = (s: string, flags = 'giu') => new RegExp(`(?<![${L}])(?:${s})(?![${L}])`, flags);

/** Order matters for ties: the more specific and urgent kinds first. */
const RULES: Array<{ kind: ItemKind; patterns: RegExp[] }> = [
  {
    kind: 'incident',
    patterns: [
      words(
        'incidents?|outages?|breach(?:es)?|security alert|security incident|service disruption|data leak|ransomware|' +
          'pannes?|interruption de service|violation de données|fuite de données|cyberattaque',
      ),
    ],
  },
  {
    kind: 'change',
    patterns: [
      words(
        'change notice|price change|pricing change|price increase|price adjustment|changes to your (?:plan|subscription|account|pricing|service)|' +
          'plan change|end[- ]of[- ]life|end[- ]of[- ](?:support|sale)|deprecation|deprecated|sunset(?:ting)?|' +
          'avis de changement|changement de prix|hausse de prix|augmentation tarifaire|fin de vie|fin de support',
      ),
      words('EOL', 'gu'),
    ],
  },
  {
    kind: 'renewal',
    patterns: [
      words(
        'renewal notice|renewals?|renew|renews|renewing|auto[- ]?renew(?:al)?|renouvellement|renouveler|reconduction',
      ),
    ],
  },
  { kind: 'quote', patterns: [words('quotes?|quotation|devis|estimates?|soumission|cotation|price quote')] },
  {
    kind: 'proposal',
    patterns: [
      words('proposals?|proposition(?: commerciale)?|statement of work|offre de services?'),
      words('SOW', 'gu'),
    ],
  },
  {
    kind: 'contract',
    patterns: [
      words(
        'contracts?|agreements?|terms of service|terms and conditions|terms of use|contrats?|entente|' +
          'conditions générales',
      ),
      words('MSA|SLA|DPA', 'gu'),
    ],
  },
];

const TITLE_WEIGHT = 3;
const BODY_CAP = 3;

interface Score {
  kind: ItemKind;
  score: number;
  titleAt: number;
  bodyAt: number;
  word: string;
  inTitle: boolean;
  bodyCount: number;
}

function scan(re: RegExp, s: string, cap: number): { count: number; first: RegExpExecArray | null } {
  re.lastIndex = 0;
  let count = 0;
  let first: RegExpExecArray | null = null;
  for (let m = re.exec(s); m && count < cap; m = re.exec(s)) {
    first ??= m;
    count++;
  }
  return { count, first };
}

export function guessKind(text: string, title: string): { kind: ItemKind; why: string } | null {
  const scores: Score[] = [];
  for (const rule of RULES) {
    let titleAt = Number.MAX_SAFE_INTEGER;
    let titleWord = '';
    let bodyWord = '';
    let bodyCount = 0;
    let bodyAt = Number.MAX_SAFE_INTEGER;
    for (const re of rule.patterns) {
      const t = scan(re, title, 1);
      if (t.first && t.first.index < titleAt) [titleAt, titleWord] = [t.first.index, t.first[0]];
      const b = scan(re, text, BODY_CAP - bodyCount);
      bodyCount += b.count;
      if (b.first && b.first.index < bodyAt) [bodyAt, bodyWord] = [b.first.index, b.first[0]];
    }
    const inTitle = titleAt < Number.MAX_SAFE_INTEGER;
    const score = (inTitle ? TITLE_WEIGHT : 0) + bodyCount;
    if (score > 0)
      scores.push({
        kind: rule.kind,
        score,
        titleAt,
        bodyAt,
        word: inTitle ? titleWord : bodyWord,
        inTitle,
        bodyCount,
      });
  }
  // Stable sort keeps RULES order as the last tie-break.
  const best = scores.sort((a, b) => b.score - a.score || a.titleAt - b.titleAt || a.bodyAt - b.bodyAt)[0];
  if (!best) return null;
  const why = best.inTitle
    ? `the title says "${best.word}"`
    : `the text says "${best.word}"${best.bodyCount > 1 ? ` (${best.bodyCount}×)` : ''}`;
  return { kind: best.kind, why };
}

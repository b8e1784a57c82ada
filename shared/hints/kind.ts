import type { ItemKind } from '../domain';

/**
 * Guesses what an item is from what it is about. The title (an e-mail's subject) weighs most, then the page's first
 * heading, then the body, where a word counts at most a few times, so a long contract that mentions "quote" once
 * stays a contract. Ties go to the kind named earliest in the title ("Quote for renewal" is a quote), then in the
 * heading, then in the body, then to the order below.
 *
 * What a document is about beats what it is attached to:
 * - a title that names a contract beside another kind is about that kind: "Avis de changement de prix – contrat
 *   d'impression" is a change, "MSA Renewal Schedule" and "fin de votre contrat" are renewals;
 * - a page titled as a contract that is really a notice about the contract's renewal or a change to it ("reply to
 *   this notice", no signature) is that renewal or change;
 * - an invoice (named in the title or heading) is `other`, unless it bills a renewal.
 */

const L = '\\p{L}';
const words = (s: string, flags = 'giu') => new RegExp(`(?<![${L}])(?:${s})(?![${L}])`, flags);

interface Rule {
  kind: ItemKind;
  patterns: RegExp[];
  /** Read in the title and first heading only: the document's own type ("Invoice"), not a word it uses in passing. */
  topOnly?: boolean;
}

/** Order matters for ties: the more specific and urgent kinds first. */
const RULES: Rule[] = [
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
          '(?:price|pricing|rate|fee) (?:increases?|changes?|adjustments?|updates?)|' +
          'new (?:pricing|prices|rates|fees) (?:effective|takes? effect|will (?:apply|take effect)|as of|starting)|' +
          'changes? to (?:our|the|your) (?:terms|pricing|prices|rates|plans?|subscriptions?|services?)|' +
          'plan change|end[- ]of[- ]life|end[- ]of[- ](?:support|sale)|deprecation|deprecated|sunset(?:ting)?|' +
          'avis de changement|changements? de (?:prix|tarifs?|tarification)|hausses? (?:de (?:prix|tarifs?)|des (?:prix|tarifs)|tarifaires?)|' +
          'augmentations? (?:tarifaires?|de (?:prix|tarifs?)|des (?:prix|tarifs))|ajustements? (?:tarifaires?|de (?:prix|tarifs?)|des (?:prix|tarifs))|' +
          "(?:nouveaux? (?:tarifs?|prix)|nouvelle tarification) (?:en vigueur|à compter|dès|s['’]appliquer\\p{L}*)|" +
          "modifications? (?:de|des|à|aux) (?:nos |vos |la |les |l['’])?(?:conditions|tarifs?|prix|tarification|forfaits?)|" +
          'fin de vie|fin de support',
      ),
      words('EOL', 'gu'),
    ],
  },
  {
    kind: 'renewal',
    patterns: [
      words(
        'non-renewal|renewal notice|renewals?|renew|renews|renewed|renewing|auto[- ]?renew(?:al|s)?|' +
          'end of (?:your|the|this) (?:contract|agreement|subscription|lease)|' +
          '(?:contract|agreement|subscription|lease)(?: (?:no\\.? ?|# ?)?[\\p{L}-]*\\d[\\w-]*)? (?:is |will )?(?:expir(?:es|ing|y|ation|e)|ends?|ending)|' +
          'non-renouvellement|renouvellement|renouveler|renouvelée?s?|non-reconduction|reconduction|reconduite?s?|' +
          "fin (?:du |de (?:votre|ce|cet|cette|la) |de l['’] ?)(?:contrat|entente|abonnement|location|bail)|" +
          '(?:contrat|entente|abonnement|location|bail)(?: (?:n° ?|no ?)?[\\p{L}-]*\\d[\\w-]*)? (?:prend fin|prendra fin|arrive(?:ra)? à (?:échéance|terme)|expire(?:ra)?)',
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
  { kind: 'other', topOnly: true, patterns: [words('invoices?|factures?|credit note|credit memo|note de crédit')] },
];

const TITLE_WEIGHT = 3;
const HEADING_WEIGHT = 2;
const BODY_CAP = 3;
const NONE = Number.MAX_SAFE_INTEGER;

/** The document calls itself a notice or a reminder: it is about the contract, not the contract. */
const NOTICE_TEXT = words('this (?:notice|reminder)|reply to this|(?:cet|ce|le présent) (?:avis|préavis|rappel)');
const NOTICE_TITLE = words('notice|reminder|avis|préavis|rappel');
/** The contract itself: signed, to sign, or with signature lines. */
const SIGNED = words(
  'signed|signé(?:e|es|s)?|sign (?:and return|here|below)|for (?:your )?signature|pour signature|à signer|' +
    'accepted and agreed|lu et approuvé|entre ?:',
);
const SIGNATURE_LINE = /_{8,}/u;

interface Match {
  at: number;
  word: string;
}

interface Score {
  kind: ItemKind;
  score: number;
  titleAt: number;
  headingAt: number;
  bodyAt: number;
  word: string;
  where: 'title' | 'heading' | 'text';
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

/** The earliest match of a rule's patterns in a line. */
function firstIn(rule: Rule, s: string): Match | null {
  let best: Match | null = null;
  for (const re of rule.patterns) {
    const { first } = scan(re, s, 1);
    if (first && (!best || first.index < best.at)) best = { at: first.index, word: first[0] };
  }
  return best;
}

/** Every rule's earliest match in a line; a contract named beside another kind is only what that kind is about. */
function lineMatches(s: string): Map<ItemKind, Match> {
  const found = new Map<ItemKind, Match>();
  for (const rule of RULES) {
    const m = s ? firstIn(rule, s) : null;
    if (m) found.set(rule.kind, m);
  }
  if (found.has('contract') && found.size > 1) found.delete('contract');
  return found;
}

const squash = (s: string) =>
  s
    .replace(/[\s*_#]+/g, ' ')
    .trim()
    .toLowerCase();

/** The page's first heading ("## Facture F-1187"), skipping PDF page markers; none when it only repeats the title. */
function firstHeading(text: string, title: string): string {
  for (const m of text.slice(0, 4000).matchAll(/^#{1,6}\s+(.+)$/gmu)) {
    const h = m[1]!.trim();
    if (/^page \d+$/iu.test(h)) continue;
    const s = squash(h);
    return s && !squash(title).includes(s) ? h : '';
  }
  return '';
}

function bodyScore(rule: Rule, text: string): { count: number; first: Match | null } {
  let count = 0;
  let first: Match | null = null;
  for (const re of rule.patterns) {
    const b = scan(re, text, BODY_CAP - count);
    count += b.count;
    if (b.first && (!first || b.first.index < first.at)) first = { at: b.first.index, word: b.first[0] };
  }
  return { count, first };
}

function whyOf(s: Score): string {
  if (s.where !== 'text') return `the ${s.where} says "${s.word}"`;
  return `the text says "${s.word}"${s.bodyCount > 1 ? ` (${s.bodyCount}×)` : ''}`;
}

export function guessKind(text: string, title: string): { kind: ItemKind; why: string } | null {
  const heading = firstHeading(text, title);
  const inTitle = lineMatches(title);
  const inHeading = lineMatches(heading);
  const scores: Score[] = [];
  for (const rule of RULES) {
    const t = inTitle.get(rule.kind);
    const h = inHeading.get(rule.kind);
    const b = rule.topOnly ? { count: 0, first: null } : bodyScore(rule, text);
    const score = (t ? TITLE_WEIGHT : 0) + (h ? HEADING_WEIGHT : 0) + b.count;
    if (score === 0) continue;
    const [where, word] = t
      ? (['title', t.word] as const)
      : h
        ? (['heading', h.word] as const)
        : (['text', b.first?.word ?? ''] as const);
    scores.push({
      kind: rule.kind,
      score,
      titleAt: t?.at ?? NONE,
      headingAt: h?.at ?? NONE,
      bodyAt: b.first?.at ?? NONE,
      word,
      where,
      bodyCount: b.count,
    });
  }
  // Stable sort keeps RULES order as the last tie-break.
  scores.sort((a, b) => b.score - a.score || a.titleAt - b.titleAt || a.headingAt - b.headingAt || a.bodyAt - b.bodyAt);
  const best = scores[0];
  if (!best) return null;
  const of = (kind: ItemKind) => scores.find((s) => s.kind === kind);

  // An invoice that bills a renewal is the renewal; any other invoice is just an invoice.
  const renewal = of('renewal');
  if (best.kind === 'other' && renewal) {
    return { kind: 'renewal', why: `the invoice says "${renewal.word}"` };
  }

  // A contract's page that is a notice about renewing or changing it (and has nothing to sign) is that notice.
  if (best.kind === 'contract') {
    const all = `${title}\n${text}`;
    const about = [of('renewal'), of('change')]
      .filter((s): s is Score => !!s && s.bodyCount > 0)
      .sort((a, b) => b.score - a.score || a.bodyAt - b.bodyAt)[0];
    const notice = test(NOTICE_TITLE, title) || test(NOTICE_TEXT, text);
    if (about && notice && !test(SIGNED, all) && !SIGNATURE_LINE.test(text)) {
      return { kind: about.kind, why: `the notice says "${about.word}"` };
    }
  }
  return { kind: best.kind, why: whyOf(best) };
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

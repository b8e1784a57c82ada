import type { Client } from '../../domain';
import { compact } from '../title';

/**
 * Who a vendor document is for and who wrote it, read from the document itself: the client from its known domains
 * and names anywhere in the text (a "Prepared for" block counts most), the vendor's name as the document writes it.
 */

const L = '\\p{L}';
/** Labels of the part that names the customer. */
const FOR = new RegExp(
  `(?<![${L}])(?:prepared for|proposal for|quote for|quotation for|bill(?:ed)? to|sold to|ship to|customer|client|attention|attn|to the attention of|à l['’]attention de|préparée? pour|facturé(?:e)? à|destinataire|pour)(?![${L}])`,
  'iu',
);

export interface ClientMention {
  clientId: string;
  why: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name written with any accents, case and spacing: "Clinique Boreal", "CLINIQUE  BORÉAL". */
function namePattern(name: string): RegExp {
  const letters = [...name.normalize('NFD').replace(/\p{M}/gu, '')].map((ch) =>
    /\p{L}/u.test(ch) ? `${escape(ch)}\\p{M}*` : /\s/.test(ch) ? '\\s+' : escape(ch),
  );
  return new RegExp(`(?<![${L}\\d])${letters.join('')}(?![${L}\\d])`, 'iu');
}

/**
 * The known client the document names, by one of its domains (an address or a link) or its name. Each mention
 * inside a "Prepared for / Bill to / À l'attention de" line counts three times; a tie between clients is no answer.
 */
export function clientInText(text: string, clients: readonly Client[]): ClientMention | null {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '');
  const scores: Array<{ client: Client; score: number; why: string }> = [];
  for (const client of clients) {
    let score = 0;
    let why = '';
    for (const domain of client.domains) {
      const re = new RegExp(`(?<![\\w.-])(?:[\\w.+-]+@)?(?:[\\w-]+\\.)*${escape(domain)}(?![\\w-])`, 'giu');
      for (const m of folded.matchAll(re)) {
        score += weight(folded, m.index);
        why ||= `${domain} is ${client.name}’s domain (${m[0].includes('@') ? 'an address' : 'a link'} in the document)`;
      }
    }
    const name = namePattern(client.name);
    const re = new RegExp(name.source, 'giu');
    for (const m of folded.matchAll(re)) {
      const w = weight(folded, m.index);
      score += w;
      if (!why || w > 1)
        why = w > 1 ? `the document is addressed to ${client.name}` : `the document names ${client.name}`;
    }
    if (score > 0) scores.push({ client, score, why });
  }
  scores.sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  if (!first || (second && second.score === first.score)) return null;
  return { clientId: first.client.id, why: first.why };
}

/** A mention in a "Prepared for" line (or the line after its label) weighs three; elsewhere one. */
function weight(text: string, index: number): number {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const prevStart = text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1;
  const line = text.slice(lineStart, index);
  const prev = text.slice(prevStart, lineStart);
  return FOR.test(line) || (FOR.test(prev) && prev.trim().length < 60) ? 3 : 1;
}

/** Words a company's name ends with ("NorthStack Solutions", "Bluepeak IT"): kept when they follow the name. */
const SUFFIX = new Set(
  (
    'inc inc. ltd ltd. ltée llc corp corp. co. solutions technologies technology tech it ti services systems systèmes ' +
    'group groupe business telecom télécom networks consulting conseil canada québec cloud software labs security ' +
    'sécurité data partners communications digital informatique plus pro managed'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/gu;

/**
 * The vendor's name as the document writes it, found from its domain's name ("northstack" → "NorthStack
 * Solutions", "acmesecure" → "Acme Secure", "reseauxboreal" → "Réseaux Boréal Télécom"): the words whose letters
 * spell the domain's, with the company words that follow them. The most frequent writing wins, then the longest.
 */
export function vendorNameInText(texts: readonly string[], domainLabel: string): string | null {
  const label = compact(domainLabel);
  if (label.length < 3) return null;
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = [...text.matchAll(WORD)].map((m) => m[0].replace(/[.'’-]+$/u, ''));
    for (let i = 0; i < words.length; i++) {
      if (!label.startsWith(compact(words[i]!).slice(0, 3))) continue;
      let spelled = '';
      let j = i;
      for (; j < words.length && j < i + 5; j++) {
        spelled += compact(words[j]!);
        if (spelled.length >= label.length || !label.startsWith(spelled)) break;
      }
      // The words spell the domain's name, or begin with it and end inside the last word ("Ridgeline Networks").
      if (j >= words.length || !spelled.startsWith(label) || !/^\p{Lu}|^\p{N}/u.test(words[i]!)) continue;
      let end = j;
      while (end + 1 < words.length && SUFFIX.has(words[end + 1]!.toLowerCase()) && /^\p{Lu}/u.test(words[end + 1]!))
        end++;
      const name = words.slice(i, end + 1).join(' ');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) {
    const b = best ? counts.get(best)! : 0;
    if (!best || n > b || (n === b && name.length > best.length)) best = name;
  }
  return best;
}

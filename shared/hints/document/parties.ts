import type { Client } from '../../domain';
import { compact } from '../words';

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
  // The line before counts only when it is the label alone ("Prepared for:" above the name).
  const label = FOR.exec(prev);
  const prevIsLabel = label !== null && prev.slice(label.index + label[0].length).replace(/[\s:*_|\\]/g, '') === '';
  return FOR.test(line) || prevIsLabel ? 3 : 1;
}

/** Words a company's name goes on with ("NorthStack Solutions", "Bluepeak IT"); legal forms (Inc., Ltée) are left off. */
const SUFFIX = new Set(
  (
    'solutions technologies technology tech it ti services systems systèmes group groupe business telecom télécom ' +
    'networks consulting conseil conseils canada québec cloud software labs security sécurité data partners ' +
    'communications digital informatique plus pro managed hosting protection voice'
  ).split(' '),
);
/** Words a French company's name starts with, before its own name ("Hébergement Cumulus", "Sécurité Nordik TI"). */
const PREFIX = new Set(
  'hébergement sécurité services solutions groupe réseaux informatique systèmes technologies logiciels bureautique'.split(
    ' ',
  ),
);
/** Lower-case words that belong to a French name after its descriptor ("Services gérés"). */
const TRAILING = new Set(['gérés', 'informatiques', 'infonuagiques']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/gu;

const capital = (w: string) => /^[\p{Lu}\p{N}]/u.test(w);

/**
 * Words from `i` that spell `label`, each by its letters or by its initial ("Services TI Saint-Laurent" for
 * "stisaintlaurent", "Ironclad Data Protection" for "ironcladdp"). At least 60% of the label must be spelled out in
 * full, so a run of capitals never matches by initials alone. Returns the index after the last word, or -1.
 */
function spell(words: readonly string[], i: number, label: string): { end: number; complete: boolean } | null {
  let pos = 0;
  let full = 0;
  let j = i;
  for (; j < words.length && j < i + 6 && pos < label.length; j++) {
    const w = compact(words[j]!);
    if (!w || (j > i && !capital(words[j]!))) break;
    if (label.startsWith(w, pos)) {
      pos += w.length;
      full += w.length;
    } else if (label.length - pos < w.length && w.startsWith(label.slice(pos)) && full > 0) {
      // The domain stops inside the last word: "ridgelinenet" for "Ridgeline Networks".
      full += label.length - pos;
      pos = label.length;
    } else if (w[0] === label[pos]) pos += 1;
    else break;
  }
  if (full < label.length * 0.6 || full < 4) return null;
  // "Clearwater Managed IT" for "clearwatermsp": a short rest of the label read as initials, or not read at all.
  return label.length - pos <= 3 ? { end: j, complete: pos === label.length } : null;
}

/**
 * The vendor's name as the document writes it, found from its domain's name ("northstack" → "NorthStack
 * Solutions", "acmesecure" → "Acme Secure", "reseauxboreal" → "Réseaux Boréal Télécom"): the words that spell the
 * domain's, with the company words around them. The most frequent writing wins, then the longest.
 */
export function vendorNameInText(texts: readonly string[], domainLabel: string): string | null {
  const label = compact(domainLabel);
  if (label.length < 3) return null;
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = [...text.matchAll(WORD)].map((m) => m[0].replace(/[.'’-]+$/u, ''));
    for (let i = 0; i < words.length; i++) {
      const first = compact(words[i]!);
      if (!capital(words[i]!) || !first || first[0] !== label[0]) continue;
      const spelled = spell(words, i, label);
      if (!spelled) continue;
      let end = spelled.end;
      while (end < words.length && capital(words[end]!) && SUFFIX.has(words[end]!.toLowerCase())) end++;
      if (end < words.length && TRAILING.has(words[end]!.toLowerCase())) end++;
      const start = i > 0 && capital(words[i - 1]!) && PREFIX.has(words[i - 1]!.toLowerCase()) ? i - 1 : i;
      const name = words.slice(start, end).join(' ');
      // A writing that spells the whole domain outweighs any number of partial ones.
      counts.set(name, (counts.get(name) ?? 0) + (spelled.complete ? 1000 : 1));
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) {
    const b = best ? counts.get(best)! : 0;
    if (!best || n > b || (n === b && name.length > best.length)) best = name;
  }
  return best;
}

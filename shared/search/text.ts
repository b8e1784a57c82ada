/**
 * Text handling shared by indexing, querying and snippets, so the three always agree on what a "word" is.
 *
 * A word is a run of letters, digits and combining marks; everything else (spaces, punctuation, symbols such as `€`,
 * `|` or `@`) separates words, so `jane@acme-cloud.com` gives `jane acme cloud com`. Words are compared folded:
 * lower case, accents removed (`Échéance` → `echeance`), ligatures spelt out (`œ` → `oe`).
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
const LIGATURE = /[œæßøđłı]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Longer "words" are hashes, base64 or URLs run together: noise that would only cost memory. */
export const MAX_WORD_LENGTH = 40;

/**
 * Function words of English and French (and elided French letters), left out of the index: they are in nearly every document, so they cost the
 * most memory and the most query time while telling nothing apart. The last word of a query is still searched as a
 * prefix ("the" may become "theft"), so typing one never blanks the results.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the this to was were will with ' +
    'au aux ce ces dans de des du en est et il la le les leur mais ou par pas pour qui que sa se ses son sur un une ' +
    // elided French articles and pronouns: l'échéance, d'accord, qu'il
    'c d j l m n qu s t y'
  ).split(' '),
);

/** Lower case, no accents: the form words are indexed and compared in. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c);
}

/** The words of a text, as written (not folded). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Each word with its position, for snippets. */
export function wordsAt(text: string): IterableIterator<RegExpMatchArray> {
  return text.matchAll(WORD);
}

/**
 * Words as written → their index term. Text repeats its words, so most occurrences are looked up instead of folded
 * again (about a sixth of the index build's CPU on the benchmark log); bounded, so rare words cannot grow it forever.
 */
const TERMS = new Map<string, string | null>();
const MAX_CACHED_TERMS = 50_000;

/** Index-time term processing: folded, or `null` to leave the word out. */
export function indexTerm(word: string): string | null {
  if (word.length > MAX_WORD_LENGTH) return null;
  let term = TERMS.get(word);
  if (term !== undefined) return term;
  const folded = fold(word);
  term = folded && !STOP_WORDS.has(folded) ? folded : null;
  if (TERMS.size >= MAX_CACHED_TERMS) TERMS.clear();
  TERMS.set(word, term);
  return term;
}

/**
 * Markdown (or plain text with stray HTML) to plain text for indexing and snippets: link and image targets, HTML
 * tags, emphasis, headings, quotes, list and table markers go; the words stay. Whitespace collapses to single spaces.
 * Not a Markdown parser — a few linear regular expressions, good enough for words and snippets.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, ' ')
    .replace(/^\s*[-=:]{3,}\s*$/gm, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_m, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The first `max` characters of `text`, cut at a word boundary. Long inputs are sliced BEFORE any regex work so a
 * 2 MB capture costs no more than a 20 kB one.
 */
export function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max * 0.8 ? cut.slice(0, space) : cut;
}

/** Plain text of the first ~`max` characters of some Markdown (markup shrinks, so a little more is read). */
export function plainHead(markdown: string, max: number): string {
  return head(plainText(markdown.length > max * 1.5 ? markdown.slice(0, Math.ceil(max * 1.5)) : markdown), max);
}

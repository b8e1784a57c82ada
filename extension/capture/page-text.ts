/**
 * The last extraction stage: a page's visible text as plain Markdown paragraphs, for when neither the article nor
 * the full page could be laid out (a DOM too deep for the converter, an engine error, a broken clone). It only reads
 * nodes, walks without recursion, and escapes everything, so no markup of the page can reach the output.
 */
import type { CaptureDraft } from '../../shared/domain';
import { finishDraft } from './draft';
import { CaptureError } from './text';

const ELEMENT = 1;
const TEXT = 3;
/** Elements whose text is not shown (or is code). */
const UNSEEN = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'APPLET', 'SVG',
  'MATH', 'CANVAS', 'AUDIO', 'VIDEO', 'SELECT', 'OPTION', 'TEXTAREA', 'BUTTON', 'DATALIST',
]); // prettier-ignore
/** Elements that start a new line of text; anything else flows inline. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'BODY', 'HTML',
]); // prettier-ignore
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Control characters a page can carry but text never means (NUL and friends; tab and newline stay). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function unseen(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (UNSEEN.has(tag)) return true;
  if (!el.hasAttributes()) return false;
  return el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
}

/** One line of page text, escaped so Markdown reads it as text: no emphasis, link, heading, list or HTML. */
export function escapeText(line: string): string {
  return line
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/^(#{1,6}|>|[-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The text of `root` as paragraphs (one per block, table cells on one line), escaped; '' when it shows none. */
export function visibleText(root: Node): string {
  const out: string[] = [];
  // Children are pushed in reverse so they pop in document order; a '\n' marks the end of a block.
  const stack: Array<Node | '\n'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n') {
      out.push('\n');
      continue;
    }
    if (node.nodeType === TEXT) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) continue;
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (unseen(el)) continue;
      const tag = el.tagName.toUpperCase();
      if (BLOCK.has(tag)) {
        out.push('\n');
        stack.push('\n');
      } else if (tag === 'TD' || tag === 'TH') {
        out.push(' ');
      }
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return paragraphs(out.join(''));
}

/** Plain text as escaped Markdown paragraphs, one per line of the text. */
export function paragraphs(text: string): string {
  return text
    .replace(CONTROL, '')
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map(escapeText)
    .join('\n\n');
}

/** Whether elements under `root` nest deeper than `limit`; stops walking as soon as they do. */
export function nestsDeeperThan(root: Element, limit: number): boolean {
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = el.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return false;
}

export const NOTHING_TO_READ =
  'Docket found no readable text on this page. Select the part you want and capture the selection.';

/**
 * A page draft from the page's text alone, with `why` (the warning saying which stage failed) first among the
 * warnings. Refused only when the page shows no text at all.
 */
export function textPageDraft(doc: Document, opts: { url: string; maxChars?: number }, why: string): CaptureDraft {
  const root = doc.body ?? doc.documentElement;
  let title: string | null = null;
  try {
    title = doc.querySelector('title')?.textContent ?? null;
  } catch {
    // A title is a nicety; the text is the capture.
  }
  return textDraft(root ? visibleText(root) : '', title, opts, why);
}

/** The draft of text already escaped as Markdown paragraphs; refused when there is none. */
export function textDraft(
  text: string,
  rawTitle: string | null,
  opts: { url: string; maxChars?: number },
  why: string,
): CaptureDraft {
  if (!text) throw new CaptureError('unreadable-page', NOTHING_TO_READ);
  const title = rawTitle?.replace(CONTROL, '').replace(/\s+/g, ' ').trim() || null;
  const heading = title && !text.slice(0, 1000).includes(escapeText(title)) ? `# ${escapeText(title)}\n\n` : '';
  return finishDraft({
    kind: 'page',
    url: opts.url,
    title,
    markdown: heading + text,
    warnings: [why],
    maxChars: opts.maxChars,
  });
}

// The named entities vendor pages use most; any other stays as written (still escaped, so never markup).
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', euro: '€', pound: '£', yen: '¥', cent: '¢',
  copy: '©', reg: '®', trade: '™', mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘',
  rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', times: '×', deg: '°', sect: '§',
}; // prettier-ignore

/**
 * The text of an HTML string no DOM could parse: hidden and code elements dropped, tags removed, common entities
 * read. Cruder than `visibleText`, so only for a file whose parse itself failed.
 */
export function markupText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|head|svg|math|select|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(
      /<\/?(?:p|div|br|li|tr|h[1-6]|table|ul|ol|section|article|main|header|footer|blockquote|pre|hr)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]*>?/g, ' ');
  return paragraphs(decodeEntities(text));
}

/** `&amp;`, `&#233;`, `&#xE9;` and the other common entities as characters; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
  });
}

import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Remote images in captured mail are often tracking pixels: show them as links and load nothing.
const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    image({ href, text }) {
      return `<a href="${escape(href)}">[image${text ? `: ${escape(text)}` : ''}]</a>`;
    },
  },
});

let hooked = false;
function hookOnce() {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

/**
 * Captured Markdown to inert HTML: Markdown may carry raw HTML, so everything goes through DOMPurify with a
 * closed list of tags. No scripts, no handlers, no javascript: URLs, no forms, no images.
 */
export function renderMarkdown(text: string): string {
  hookOnce();
  const html = markdown.parse(text) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [
      'p',
      'br',
      'hr',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'strong',
      'b',
      'em',
      'i',
      'del',
      's',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'span',
      'sup',
      'sub',
    ],
    ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'align'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#)/i,
  });
}

/** A few screens of the evidence box: what a capture shows at once before the reader scrolls or asks for more. */
export const CHUNK_CHARS = 8_000;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const TABLE_ROW = /^\s*\|/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\||$)/;

/**
 * Splits captured Markdown into pieces of about `size` characters that each render alone: cuts fall on a blank line
 * outside code fences, or between two rows of a long table, whose header and rule then open the next piece (a
 * 2 MB price list is one table). A single block longer than `size` stays whole.
 */
export function splitMarkdown(text: string, size = CHUNK_CHARS): string[] {
  const lines = text.split('\n');
  const pieces: string[] = [];
  let piece: string[] = [];
  let length = 0;
  let fence: string | null = null;
  let tableHead: [string, string] | null = null;
  const cut = () => {
    if (piece.length) pieces.push(piece.join('\n'));
    piece = [];
    length = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opens = FENCE.exec(line);
    if (opens) fence = fence === null ? opens[1]!.slice(0, 3) : line.trimStart().startsWith(fence) ? null : fence;
    let isRow = false;
    if (fence === null) {
      if (tableHead && !TABLE_ROW.test(line)) tableHead = null;
      if (tableHead) isRow = true;
      else if (TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? '')) {
        if (length >= size) cut();
        tableHead = [line, lines[i + 1]!];
        piece.push(line, lines[i + 1]!);
        length += line.length + lines[i + 1]!.length + 2;
        i++;
        continue;
      }
    }
    if (length >= size && fence === null && !opens) {
      if (line.trim() === '') {
        cut();
        continue;
      }
      if (isRow && tableHead) {
        cut();
        piece.push(...tableHead);
        length = tableHead[0].length + tableHead[1].length + 2;
      }
    }
    piece.push(line);
    length += line.length + 1;
  }
  cut();
  return pieces;
}

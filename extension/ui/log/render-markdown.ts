import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Image address in the Markdown → object URL of its local copy, for the render under way (parsing is synchronous). */
let localCopies: ReadonlyMap<string, string> = new Map();

// An image is shown only from its local copy. A remote one (in mail, often a tracking pixel) is a link: the log
// never loads a captured page's addresses.
const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    image({ href, text }) {
      const local = localCopies.get(href);
      if (local) return `<img src="${escape(local)}" alt="${escape(text)}" loading="lazy" data-kept="${nonce}">`;
      return `<a href="${escape(href)}">[image${text ? `: ${escape(text)}` : ''}]</a>`;
    },
  },
});

let allowedSrcs: ReadonlySet<string> = new Set();
/** Marks the <img> tags this render wrote, so one the captured HTML carries cannot pass for them. */
let nonce = '';
let hooked = false;
function hookOnce() {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      if (/^blob:/i.test(node.getAttribute('href') ?? '')) node.removeAttribute('href');
    }
  });
  // Only the local copies this render put there: an <img> written into the captured Markdown itself is dropped.
  DOMPurify.addHook('uponSanitizeElement', (node, data) => {
    const el = node as Element;
    if (data.tagName !== 'img') return;
    if (!nonce || el.getAttribute('data-kept') !== nonce || !allowedSrcs.has(el.getAttribute('src') ?? '')) el.remove();
  });
}

/**
 * Captured Markdown to inert HTML: Markdown may carry raw HTML, so everything goes through DOMPurify with a
 * closed list of tags. No scripts, no handlers, no javascript: URLs, no forms, and no image but the local copies
 * given in `images` (address in the Markdown → object URL).
 */
export function renderMarkdown(text: string, images: ReadonlyMap<string, string> = new Map()): string {
  hookOnce();
  localCopies = images;
  allowedSrcs = new Set(images.values());
  nonce = images.size ? crypto.randomUUID() : '';
  try {
    return sanitize(markdown.parse(text) as string);
  } finally {
    localCopies = new Map();
    allowedSrcs = new Set();
    nonce = '';
  }
}

function sanitize(html: string): string {
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
      'img',
    ],
    ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'align', 'src', 'alt', 'loading'],
    // blob: only survives on an <img> this render made (the hook above removes every other).
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|blob:)/i,
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

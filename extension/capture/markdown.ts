/**
 * HTML → Markdown for captured content: turndown with GFM extras, ATX headings, fenced code, '-' bullets and
 * every table kept as a GFM pipe table (a vendor quote is mostly a pricing table). The input is untrusted, so the
 * converter itself guarantees the output carries no raw HTML and no script-capable links, whatever it is given.
 */
import TurndownService from 'turndown';
import { highlightedCodeBlock, strikethrough, taskListItems } from 'turndown-plugin-gfm';
import { CELL_LINE_BREAK, tableRules } from './markdown-tables';
import { imageSource } from './image-source';
import { safeUrl, unproxyImage } from './text';

const DROPPED = [
  'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'link',
  'meta', 'base', 'head', 'title', 'input', 'select', 'textarea', 'button', 'option', 'datalist', 'svg', 'canvas',
  'audio', 'video', 'source', 'track', 'dialog', 'math',
] as TurndownService.TagName[]; // prettier-ignore

const baseEscape = TurndownService.prototype.escape;
// One pass over each text node: an `&` that starts an entity, a `<` that starts a tag.
// A `<` ending a text node is escaped too: the next node may start with a tag name (`<span>&lt;</span>script>`).
const TAG_OR_ENTITY = /&(?=#?[a-z0-9]+;)|<(?=[a-z/!?]|$)/gi;

function createService(baseUrl: string | undefined): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    hr: '---',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    br: '\\',
    // Nothing is ever kept as HTML: unknown elements become their text.
    keepReplacement: (content, node) =>
      (node as unknown as { isBlock?: boolean }).isBlock ? `\n\n${content}\n\n` : content,
  });
  // Text that looks like a tag or an entity is escaped so no renderer can take it for HTML.
  service.escape = (text: string) =>
    baseEscape.call(service, text).replace(TAG_OR_ENTITY, (c) => (c === '&' ? '&amp;' : '&lt;'));
  service.use([highlightedCodeBlock, strikethrough, taskListItems, tableRules]);
  service.remove(DROPPED);
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as Element | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start')) || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n/g, '\n' + ' '.repeat(prefix.length));
      return prefix + body + (node.nextSibling && !body.endsWith('\n') ? '\n' : '');
    },
  });
  definitionListRules(service);
  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = safeUrl((node as Element).getAttribute('href'), baseUrl);
      if (!href || !content.trim()) return content;
      return `[${content}](${destination(href)})`;
    },
  });
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const img = node as HTMLImageElement;
      if (isPixel(img)) return '';
      const src = safeUrl(imageSource(img), baseUrl);
      const alt = service.escape(cleanText(img.getAttribute('alt') ?? ''));
      if (!src || !/^https?:/i.test(src)) return alt; // data: and friends: keep only what the image said
      return `![${alt.replace(/[[\]]/g, '\\$&')}](${destination(unproxyImage(src))})`;
    },
  });
  return service;
}

/**
 * A `<dl>` reads as label/value pairs, one per line: `**Term end:** February 28, 2027`, several `<dd>` joined with
 * "; " and several `<dt>` for one value with ", ". A `<dd>` holding a list or a table keeps it as a block below.
 */
function definitionListRules(service: TurndownService): void {
  const sibling = (node: TurndownService.Node, next: boolean) => {
    const el = next ? (node as Element).nextElementSibling : (node as Element).previousElementSibling;
    return el?.nodeName ?? null;
  };
  service.addRule('definitionTerm', {
    filter: 'dt',
    replacement: (content, node) => {
      const label = content
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^\*\*(.*)\*\*$/, '$1')
        .replace(/\s*:$/, '')
        .trim();
      const next = sibling(node, true);
      const before = sibling(node, false) === 'DT' ? '' : '\n\n';
      if (!label) return before;
      if (next === 'DT') return `${before}**${label}**, `;
      if (next === 'DD') return `${before}**${label}:** `;
      return `${before}**${label}**\n\n`;
    },
  });
  service.addRule('definitionValue', {
    filter: 'dd',
    replacement: (content, node) => {
      const previous = sibling(node, false);
      const after = sibling(node, true) === 'DD' ? '' : '\n\n';
      const text = content.trim();
      if (!text) return previous === 'DT' || previous === 'DD' ? after : '';
      if (/^(?:[-*+] |\d+[.)] |\||```|#)/m.test(text)) return `\n\n${text}\n\n`;
      // Its lines (a <br>, a paragraph each) stay apart on the one line, as in a table cell.
      const flat = text.replace(/\\?\s*\n\s*/g, CELL_LINE_BREAK);
      if (previous === 'DD') return `; ${flat}${after}`;
      return `${previous === 'DT' ? '' : '\n\n'}${flat}${after}`;
    },
  });
}

function destination(url: string): string {
  // Absolute URLs from `new URL()` are already percent-encoded except for these.
  return url.replace(/[()<> ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Tracking pixels and spacers say nothing. */
function isPixel(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (w > 0 && w <= 2) || (h > 0 && h <= 2);
}

/**
 * Converts HTML (a string or a node; a node is copied, never changed) to Markdown. Relative links and images
 * resolve against `baseUrl`; without it they are kept relative. Scripts, frames, forms, `javascript:`/`data:`
 * links and raw HTML never reach the output.
 */
export function htmlToMarkdown(input: string | Node, opts: { baseUrl?: string } = {}): string {
  if (typeof input === 'string' && input.trim() === '') return '';
  const service = createService(opts.baseUrl);
  let source: string | TurndownService.Node = input as string | TurndownService.Node;
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (typeof input === 'string' && Parser) {
    // In a browser, parse into an inert document (no scripts run, nothing loads) rather than turndown's own parser.
    source = new Parser().parseFromString(input, 'text/html').body as unknown as TurndownService.Node;
  }
  const markdown = service.turndown(source);
  return markdown
    .replace(/^\\$/gm, '') // a line break alone on its line (`<div><br></div>`) says nothing
    .replace(/(?<!\\)\\(?=\n\n|\n?$)/g, '') // nor does one at the end of a paragraph
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n');
}

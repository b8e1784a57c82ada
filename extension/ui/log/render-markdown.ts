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

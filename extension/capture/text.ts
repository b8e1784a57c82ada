/**
 * Small helpers shared by the in-page extractors. Only standard DOM and JS: this runs injected into a web page
 * (isolated world) and in Node on a jsdom Document.
 */

export type CaptureErrorCode =
  | 'empty-selection'
  | 'unreadable-page'
  | 'no-open-message'
  | 'too-large'
  | 'needs-permission'
  | 'encrypted-pdf'
  | 'unreadable-pdf'
  | 'unreadable-email'
  | 'unreadable-file'
  | 'unsupported-file'
  | 'empty-file';

/** A capture that cannot go ahead, with a message written for the user. */
export class CaptureError extends Error {
  readonly code: CaptureErrorCode;
  constructor(code: CaptureErrorCode, message: string) {
    super(message);
    this.name = 'CaptureError';
    this.code = code;
  }
}

export const DEFAULT_MAX_CHARS = 2_000_000;
const EXCERPT_MAX = 300;

// Captured at module load: a hostile page cannot reach the isolated world, but in Node tests the realm is shared.
const arrayFrom = Array.from;
const stringTrim = String.prototype.trim;

export function toArray<T>(list: ArrayLike<T> | Iterable<T>): T[] {
  return arrayFrom(list);
}

export function collapse(text: string): string {
  return stringTrim.call(text.replace(/\s+/g, ' '));
}

/** Plain-text excerpt of Markdown: only looks at its head, so it stays cheap on huge pages. */
export function makeExcerpt(markdown: string | null | undefined, max = EXCERPT_MAX): string {
  if (!markdown) return '';
  const plain = markdown
    .slice(0, max * 8)
    .replace(/^# .*\n+/, '') // the title, already shown beside the excerpt
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\s*(?:#{1,6}|>|-|\d+\.)\s+/gm, '')
    .replace(/^\|?(?:\s*-{3,}\s*\|)+\s*$/gm, '')
    .replace(/(?<!\\)\\$/gm, '') // a hard line break
    .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/[[\]|`]/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
  const flat = collapse(plain);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** Clamp a string for a schema field with a max length. */
export function clamp(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

export function siteFromUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);

/**
 * A link or image address made absolute against `base`, or null if it is not safe to keep
 * (`javascript:`, `data:`, `vbscript:` and anything else outside a short allow-list).
 */
export function safeUrl(raw: string | null | undefined, base?: string): string | null {
  if (!raw) return null;
  // Browsers ignore tabs/newlines and leading control characters in URLs (`java\tscript:`), so we do too.
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]+/g, '').trim();
  if (!cleaned || cleaned.startsWith('#')) return cleaned.startsWith('#') && base ? joinUrl(cleaned, base) : null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme && !SAFE_SCHEMES.has(scheme[1]!.toLowerCase() + ':')) return null;
  if (!base) return cleaned;
  return joinUrl(cleaned, base);
}

function joinUrl(ref: string, base: string): string | null {
  try {
    const url = new URL(ref, base);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Gmail proxies images as `https://ciN.googleusercontent.com/proxy/…#<original>`: keep the original. */
export function unproxyImage(src: string): string {
  const hash = src.indexOf('#');
  if (hash < 0 || !/^https:\/\/[a-z0-9-]+\.googleusercontent\.com\/(?:proxy|meips)\//i.test(src)) return src;
  const original = src.slice(hash + 1);
  return /^https?:\/\//i.test(original) ? original : src;
}

/** Cap Markdown at `maxChars`, cutting at a line break when one is near, so a table row is not split. */
export function capMarkdown(markdown: string, maxChars: number, warnings: string[]): string {
  if (markdown.length <= maxChars) return markdown;
  let cut = markdown.lastIndexOf('\n', maxChars);
  if (cut < maxChars * 0.9) cut = maxChars;
  warnings.push(`Content truncated to ${cut.toLocaleString('en-US')} characters: the page is very large.`);
  return markdown.slice(0, cut).replace(/\s+$/, '');
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const value = el?.getAttribute(name);
  return value == null || value.trim() === '' ? null : value.trim();
}

export function textOf(el: Element | null | undefined): string {
  return el ? collapse(el.textContent ?? '') : '';
}

/** A mailbox from `Name <addr>`, a bare address, or a name and a separately known address. */
export function parseMailbox(text: string, knownAddress?: string | null): { name: string; address: string } | null {
  const flat = collapse(text).replace(/^["']|["']$/g, '');
  const match = /<?([^\s<>();,]+@[^\s<>();,]+\.[^\s<>();,]+)>?/.exec(flat);
  const address = (knownAddress ?? match?.[1] ?? '').trim();
  let name = match ? flat.replace(match[0], '') : flat;
  name = collapse(name.replace(/[<>"]/g, '')).replace(/[;,]$/, '');
  if (!address && !name) return null;
  return { name: clamp(name === address ? '' : name, 300), address: clamp(address, 320) };
}

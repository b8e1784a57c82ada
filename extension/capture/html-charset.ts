/**
 * The character set of a saved page, read the way browsers read it: byte-order mark, then the charset of the MIME
 * type, then a `<meta charset>` (or `http-equiv` Content-Type) in the page's head. Decoded with TextDecoder only.
 */
import { repairC1 } from './eml';

/**
 * How far into the page a `<meta charset>` is looked for. The HTML spec's prescan stops at 1,024 bytes, but saved
 * pages often carry kilobytes of inline style, scripts or comments before it, and the page's own declaration is
 * better evidence than any guess; so the whole head is read, up to this cap. A `charset=` once the body has started
 * (an article about encodings) is not a declaration.
 */
export const META_SCAN_BYTES = 64 * 1024;

/** Windows code page labels mail and old pages use that TextDecoder does not know by that name. */
const CODE_PAGES: Record<string, string> = { '932': 'shift_jis', '936': 'gbk', '949': 'euc-kr', '950': 'big5' };

/** A decoder for a declared label, or null when TextDecoder cannot read it. */
function decoderFor(label: string, fromMeta: boolean): TextDecoder | null {
  const name = label.trim().toLowerCase();
  // The spec reads x-user-defined as windows-1252; the "replacement" labels decode to nothing useful.
  const alias =
    name === 'x-user-defined' ? 'windows-1252' : CODE_PAGES[/^(?:cp|ms|windows-)(\d+)$/.exec(name)?.[1] ?? ''];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(alias ?? name);
  } catch {
    return null;
  }
  // A page whose bytes showed us a <meta> in ASCII is not UTF-16, whatever it says (the spec reads it as UTF-8).
  if (fromMeta && decoder.encoding.startsWith('utf-16')) return new TextDecoder('utf-8');
  return decoder;
}

/** The `charset` parameter of a MIME type (`text/html; foo=bar; charset="Shift_JIS"`), or null. */
export function mimeCharset(mimeType: string): string | null {
  for (const [, name, value] of mimeType.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    if (name!.toLowerCase() !== 'charset') continue;
    const label = value!.startsWith('"') ? value!.slice(1, -1).replace(/\\(.)/g, '$1') : value!;
    return label.trim() || null;
  }
  return null;
}

/** Every charset the page's head declares in `<meta>`, in order. */
export function metaCharsets(bytes: Uint8Array): string[] {
  const text = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SCAN_BYTES));
  // Comments, scripts and styles can hold `<meta charset=…>` as text; they declare nothing.
  const head = text.replace(/<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  const end = head.search(/<\/head\s*>|<body[\s>]/i);
  const labels: string[] = [];
  for (const [tag] of (end < 0 ? head : head.slice(0, end)).matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = new Map<string, string>();
    for (const [, name, value = ''] of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      attrs.set(name!.toLowerCase(), value.replace(/^["']|["']$/g, ''));
    }
    const direct = attrs.get('charset')?.trim();
    const equiv = attrs.get('http-equiv')?.trim().toLowerCase() === 'content-type' ? attrs.get('content') : undefined;
    const label = direct || (equiv && /charset\s*=\s*["']?([^"';\s]+)/i.exec(equiv)?.[1]);
    if (label) labels.push(label);
  }
  return labels;
}

/**
 * Bytes of a saved page as text. Declarations are tried in the browsers' order and a label TextDecoder does not
 * know is passed over; with none usable, UTF-8, and a warning in `warnings` when a declared one was refused. A page
 * that declares nothing and is not valid UTF-8 is an old Western page: windows-1252, as browsers default to.
 */
export function decodeHtml(bytes: Uint8Array, mimeType = '', warnings: string[] = []): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const fromType = mimeCharset(mimeType);
  const declared = [
    ...(fromType ? [{ label: fromType, meta: false }] : []),
    ...metaCharsets(bytes).map((label) => ({ label, meta: true })),
  ];
  for (const { label, meta } of declared) {
    const decoder = decoderFor(label, meta);
    if (!decoder) continue;
    const text = decoder.decode(bytes);
    return decoder.encoding === 'windows-1252' ? repairC1(text) : text;
  }
  if (declared.length > 0) {
    const label = declared[0]!.label.slice(0, 40);
    warnings.push(`This page says its text is in "${label}", which Docket cannot read; it was read as UTF-8.`);
    return new TextDecoder('utf-8').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push('This page does not say its character set and is not UTF-8; it was read as Western (windows-1252).');
    return repairC1(new TextDecoder('windows-1252').decode(bytes));
  }
}

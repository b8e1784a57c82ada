import PostalMime, { type Address, type Email } from 'postal-mime';
import type { CaptureDraft, EmailHeaders, Mailbox } from '../../shared/domain';
import { htmlToMarkdown } from './markdown';
import { CaptureError, clamp, makeExcerpt } from './text';

export interface EmlToDraftOptions {
  fileName?: string;
  /** Parses the HTML body so quoted history can be removed by element; defaults to the global DOMParser if any. */
  parseHtml?: (html: string) => Document;
}

const NOT_EMAIL = 'This file is not a readable e-mail (.eml).';
const HISTORY_REMOVED = 'Earlier messages quoted in this e-mail were left out.';

/** A saved e-mail (RFC 822 / .eml) as a capture draft: headers, attachment list, and the reply without its quoted history. */
export async function emlToDraft(raw: Uint8Array | string, opts: EmlToDraftOptions = {}): Promise<CaptureDraft> {
  if (!startsLikeEmail(raw)) throw new CaptureError('unreadable-email', NOT_EMAIL);
  let mail: Email;
  try {
    mail = await PostalMime.parse(raw);
  } catch {
    throw new CaptureError('unreadable-email', NOT_EMAIL);
  }
  const known = new Set(['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received']);
  if (!mail.headers.some((header) => known.has(header.key))) throw new CaptureError('unreadable-email', NOT_EMAIL);

  const subject = repairC1(mail.subject ?? '')
    .trim()
    .slice(0, 2000);
  const forward = /^\s*(fwd?|fw|tr|wg)\s*:/i.test(subject);
  const body = mail.html
    ? htmlBody(repairC1(mail.html), forward, opts.parseHtml)
    : textBody(repairC1(mail.text ?? ''), forward);
  const warnings: string[] = [];
  if (body.removed) warnings.push(HISTORY_REMOVED);
  if (!body.markdown) warnings.push('This e-mail has no text body.');

  const from = mailboxes(mail.from ? [mail.from] : [])[0] ?? null;
  const email: EmailHeaders = {
    subject,
    from,
    to: mailboxes(mail.to),
    cc: mailboxes(mail.cc),
    bcc: mailboxes(mail.bcc),
    date: isoDate(mail.date),
    messageId: firstId(mail.messageId),
    threadId: firstId(mail.references) ?? firstId(mail.inReplyTo),
    attachments: mail.attachments
      .filter((part) => !part.related) // inline images of the signature, not documents
      .map((part) => ({
        name: (part.filename ?? `unnamed ${part.mimeType}`).slice(0, 500),
        size: sizeOf(part.content),
      })),
    provider: 'eml',
  };
  return {
    kind: 'email',
    source: { url: null, title: subject || '(no subject)', site: from?.address.split('@')[1] ?? opts.fileName ?? '' },
    markdown: body.markdown,
    excerpt: makeExcerpt(plainText(body.markdown)),
    email,
    pdf: null,
    file: null,
    warnings,
  };
}

// Windows-1252 characters for bytes 0x80–0x9F (the five undefined bytes map to themselves).
const CP1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/**
 * Node 20's TextDecoder decodes windows-1252 like ISO-8859-1, turning €, – and curly quotes into C1 control
 * characters (browsers get it right). Text never means those controls, so they are mapped back everywhere.
 */
export function repairC1(text: string): string {
  return text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** The first line of an e-mail is a header ("Name: value") or an mbox "From " line; anything else is not one. */
function startsLikeEmail(raw: Uint8Array | string): boolean {
  const head = typeof raw === 'string' ? raw.slice(0, 1000) : new TextDecoder('latin1').decode(raw.subarray(0, 1000));
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return /^[!-9;-~]+:/.test(first) || /^From \S/.test(first);
}

/** Markdown as readable text for the excerpt: link targets, emphasis and table pipes dropped. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+\.)\s+/gm, '')
    .replace(/^[\s|:-]*-{3,}[\s|:-]*$/gm, '')
    .replace(/\*\*|__|\|/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1');
}

function mailboxes(list: Address[] | undefined): Mailbox[] {
  return (list ?? [])
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((box) => box.address || box.name)
    .map((box) => ({ name: clamp(repairC1(box.name), 300), address: clamp(box.address ?? '', 320) }));
}

function isoDate(value: string | undefined): string | null {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** `<a@b> <c@d>` → `a@b`: the first id of References is the thread's root message. */
function firstId(value: string | undefined): string | null {
  const id = value?.match(/<([^<>\s]+)>/)?.[1] ?? value?.trim().split(/\s+/)[0];
  return id ? id.slice(0, 1000) : null;
}

function sizeOf(content: ArrayBuffer | Uint8Array | string): string {
  const bytes = typeof content === 'string' ? content.length : content.byteLength;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Body {
  markdown: string;
  removed: boolean;
}

// Where webmail and desktop clients put the quoted earlier messages in an HTML reply.
const QUOTE_SELECTORS = [
  '.gmail_quote',
  '.gmail_quote_container',
  'blockquote[type="cite"]',
  '.moz-cite-prefix',
  '.yahoo_quoted',
  '#mail-editor-reference-message-container',
];

function htmlBody(html: string, forward: boolean, parse = defaultParser()): Body {
  if (!parse) return textBody(htmlToMarkdown(html), forward);
  const doc = parse(html);
  let removed = false;
  if (!forward) {
    for (const el of Array.from(doc.querySelectorAll(QUOTE_SELECTORS.join(',')))) {
      if (/Forwarded message|Begin forwarded message/i.test(el.textContent ?? '')) continue;
      el.remove();
      removed = true;
    }
    // Outlook: the "From: … Sent: …" block and the quoted message after it are siblings of #divRplyFwdMsg.
    const reply = doc.querySelector('#divRplyFwdMsg, #appendonsend');
    while (reply?.nextSibling) reply.nextSibling.remove();
    if (reply?.previousElementSibling?.tagName === 'HR') reply.previousElementSibling.remove();
    if (reply) reply.remove();
    removed ||= reply !== null;
  }
  // A reply with nothing of its own above the quote: keep everything rather than an empty capture.
  if (removed && !/\p{L}/u.test(doc.body.textContent ?? '')) return textBody(htmlToMarkdown(parse(html).body), true);
  const rest = textBody(htmlToMarkdown(doc.body), forward);
  return { markdown: rest.markdown, removed: removed || rest.removed };
}

function defaultParser(): ((html: string) => Document) | undefined {
  if (typeof DOMParser === 'undefined') return undefined;
  return (html) => new DOMParser().parseFromString(html, 'text/html');
}

const ORIGINAL_MESSAGE = /^-{2,}\s*(original message|message d'origine|urspr.ngliche nachricht)\s*-{2,}$/i;
const WROTE = /^(on|le)\s.{4,300}\s(wrote|a écrit)\s?:$/i;
const FROM = /^(from|de)\s?:\s*\S/i;
const SENT = /^(sent|date|envoyé)\s?:/i;
const FORWARD_MARK = /^(-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:)/i;

/** Plain text or Markdown with quoted history cut: "> " lines, and everything from "On … wrote:" or an Outlook header. */
function textBody(text: string, forward: boolean): Body {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const plain = lines.map((line) => line.replace(/[*_\\]/g, '').trim());
  // Below a "Forwarded message" marker is the forwarded evidence itself, not history.
  const forwardAt = plain.findIndex((line) => FORWARD_MARK.test(line));
  const scan = forward ? [] : plain.slice(0, forwardAt < 0 ? plain.length : forwardAt);
  const end = scan.findIndex((_, i) => historyStarts(plain, i));
  const cut = end < 0 ? lines : lines.slice(0, end);
  const kept = forward ? cut : cut.filter((line) => !/^\s*>/.test(line));
  const removed = kept.length < lines.length;
  while (kept.length && /^[\s\-_=*]*$/.test(kept[kept.length - 1] ?? '')) kept.pop();
  const markdown = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (removed && !/\p{L}/u.test(markdown)) return { markdown: text.trim(), removed: false };
  return { markdown, removed };
}

function historyStarts(plain: string[], i: number): boolean {
  const line = plain[i] ?? '';
  const next = plain[i + 1] ?? '';
  if (ORIGINAL_MESSAGE.test(line) || WROTE.test(line) || (/^(on|le)\s/i.test(line) && WROTE.test(`${line} ${next}`))) {
    return true;
  }
  // Outlook header block: "From:" with "Sent:" or "Date:" in the next few lines; an underscore rule may precede it.
  const isHeader = (at: number) => FROM.test(plain[at] ?? '') && plain.slice(at + 1, at + 5).some((l) => SENT.test(l));
  return isHeader(i) || (/^_{8,}$/.test(line) && isHeader(i + 1));
}

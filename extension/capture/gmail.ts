/**
 * Gmail conversation view. Gmail's class names are obfuscated but have been stable for a decade (see
 * /work/shared/reference/webmail-selectors.md); the `email`, `name`, `title` and `data-*` attributes carry the data.
 */
import type { CaptureDraft, EmailHeaders, Mailbox } from '../../shared/domain';
import { cleanTree, cloneDocument, stripChrome } from './clean';
import {
  bodyMarkdown,
  collapsedWarning,
  conversationMarkdown,
  foldedWarning,
  type WebmailMessage,
} from './conversation';
import { finishDraft } from './draft';
import { htmlToMarkdown } from './markdown';
import { foldedCount, readDetails } from './gmail-parts';
import { readMessageDate } from './message-date';
import { attr, CaptureError, clamp, parseMailbox, textOf, toArray } from './text';

const NO_MESSAGE = 'Open the e-mail you want to clip, then try again.';
const MESSAGE = 'div.adn[data-message-id], div.adn[data-legacy-message-id], div[data-message-id]';

function mailbox(el: Element | null): Mailbox | null {
  if (!el) return null;
  return parseMailbox(attr(el, 'name') ?? textOf(el), attr(el, 'email'));
}

function notInBody(el: Element): boolean {
  return !el.closest('.a3s');
}

function readAttachments(el: Element): EmailHeaders['attachments'] {
  const seen = new Set<string>();
  const found: EmailHeaders['attachments'] = [];
  const items = toArray(el.querySelectorAll('span.aZo, div.aQH .aV3'));
  for (const item of items) {
    const nameEl = item.matches('.aV3') ? item : item.querySelector('.aV3');
    const name = textOf(nameEl) || attr(item, 'download_url')?.split(':')[1] || '';
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const size = textOf(item.querySelector('.SaH2Ve')) || null;
    found.push({ name: clamp(name, 500), size: size ? clamp(size, 50) : null });
  }
  return found;
}

function readMessage(el: Element, lang: string): WebmailMessage {
  const dateEl = el.querySelector('span.g3');
  const dateTitle = attr(dateEl, 'title') ?? attr(dateEl, 'alt');
  const when = readMessageDate(dateEl, dateTitle ?? textOf(dateEl), lang, 'Gmail');
  const notes = [...when.notes];
  const legacy = attr(el, 'data-legacy-message-id');
  const shown = toArray(el.querySelectorAll('span.g2[email]'))
    .filter(notInBody)
    .map(mailbox)
    .filter((m): m is Mailbox => m !== null);
  const details = readDetails(el);
  if (!details && shown.length > 0)
    notes.push(
      "Gmail: the message's header details were not open, so cc and bcc could not be told apart; every recipient is listed under to.",
    );
  return {
    from:
      mailbox(el.querySelector('span.gD[email]') ?? el.querySelector('.gF span[email]')) ?? details?.from[0] ?? null,
    to: details ? details.to : shown,
    cc: details?.cc ?? [],
    bcc: details?.bcc ?? [],
    dateText: dateTitle ?? (textOf(dateEl) || null),
    date: when.date,
    messageId: legacy ?? attr(el, 'data-message-id')?.replace(/^#/, '') ?? null,
    attachments: readAttachments(el),
    body: el.querySelector('div.a3s'),
    snippet: textOf(el.querySelector('.iA.g6, .y2')),
    notes,
  };
}

function readThread(root: ParentNode, lang: string) {
  const subjectEl = root.querySelector('h2.hP') ?? root.querySelector('.ha h2');
  const idEl = root.querySelector('h2[data-legacy-thread-id], [data-thread-perm-id], [data-legacy-thread-id]');
  const elements = toArray(root.querySelectorAll(MESSAGE)).filter(
    (el, _i, all) => !all.some((other) => other !== el && other.contains(el)),
  );
  return {
    subjectEl,
    subject: textOf(subjectEl),
    threadId: attr(idEl, 'data-legacy-thread-id') ?? attr(idEl, 'data-thread-perm-id'),
    elements,
    messages: elements.map((el) => readMessage(el, lang)),
  };
}

function headersOf(thread: ReturnType<typeof readThread>, m: WebmailMessage | undefined): EmailHeaders {
  return {
    subject: clamp(thread.subject, 2000),
    from: m?.from ?? null,
    to: m?.to ?? [],
    cc: m?.cc ?? [],
    bcc: m?.bcc ?? [],
    date: m?.date ?? null,
    messageId: m?.messageId ?? null,
    threadId: thread.threadId,
    attachments: m?.attachments ?? [],
    provider: 'gmail',
  };
}

/**
 * Headers of the Gmail message around `near` (e.g. where a selection starts), else of the latest expanded one.
 * Reads the page without changing it. Null when no conversation is open.
 */
export function gmailHeadersNear(doc: Document, near: Node | null): { email: EmailHeaders; notes: string[] } | null {
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  const thread = readThread(doc, lang);
  if (!thread.subjectEl && thread.messages.length === 0) return null;
  const start = near && (near.nodeType === 1 ? (near as Element) : near.parentElement);
  const index = start ? thread.elements.findIndex((el) => el.contains(start)) : -1;
  const m = (index >= 0 ? thread.messages[index] : undefined) ?? thread.messages.filter((x) => x.body).at(-1);
  return { email: headersOf(thread, m), notes: m?.notes ?? [] };
}

export function extractGmail(doc: Document, opts: { url: string; maxChars?: number }): CaptureDraft {
  const clone = cloneDocument(doc);
  const lang = clone.documentElement.getAttribute('lang') ?? '';
  const root = clone.querySelector('[role=main]') ?? clone.body ?? clone.documentElement;
  const thread = readThread(root, lang);
  if (!thread.subjectEl && thread.messages.length === 0) throw new CaptureError('no-open-message', NO_MESSAGE);

  const expanded = thread.messages.filter((m) => m.body);
  const latest = expanded.at(-1);
  const warnings: string[] = [];
  let markdown: string;
  if (latest?.body) {
    const main = bodyMarkdown(latest.body, opts.url, latest.notes);
    markdown = conversationMarkdown(
      main,
      thread.messages.filter((m) => m !== latest),
      opts.url,
    );
    warnings.push(...latest.notes);
  } else {
    // Markup changed or the message is still loading: keep what is visible rather than nothing.
    const region = thread.subjectEl?.closest('.if, .iY, [role=main]') ?? root;
    cleanTree(region);
    stripChrome(region);
    markdown = htmlToMarkdown(region, { baseUrl: opts.url });
    warnings.push('Gmail: the message body was not found; the visible conversation was kept as a page.');
  }
  if (!latest?.from) warnings.push('Gmail: the sender was not found.');
  const folded = foldedCount(root);
  warnings.push(...collapsedWarning('Gmail', thread.messages), ...foldedWarning('Gmail', folded.folds, folded.count));
  return finishDraft({
    kind: 'email',
    url: opts.url,
    title: thread.subject || latest?.snippet,
    markdown,
    email: headersOf(thread, latest),
    warnings,
    maxChars: opts.maxChars,
  });
}

/**
 * Outlook on the web (the React "Monarch" UI). Class names are hashed per build, so this reads ids, roles,
 * `data-testid` and (localised) `aria-label` hooks; see /work/shared/reference/webmail-selectors.md.
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
import { LABEL_PREFIX } from './header-labels';
import { readMessageDate } from './message-date';
import { attr, CaptureError, clamp, textOf, toArray } from './text';
import { collapsedItems, FOLD_TEXT, readAttachments, readLabelled, recipientsOf } from './outlook-parts';

const NO_MESSAGE = 'Open the e-mail you want to clip, then try again.';
const BODY = 'div[id^="UniqueMessageBody"]';
const PANE =
  '#ReadingPaneContainerId, [data-app-section="MailReadCompose"], #ConversationReadingPaneContainer, [role=main]';
const { from: FROM, to: TO, cc: CC, bcc: BCC } = LABEL_PREFIX;
const TIME = '[data-testid="SentReceivedSavedTime"]';

/** The largest ancestor of `body` that holds no other message (body or date): that message's header and body. */
export function containerOf(body: Element, pane: Element): Element {
  let el = body;
  for (let up = el.parentElement; up; up = up.parentElement) {
    if (up.querySelectorAll(BODY).length > 1 || up.querySelectorAll(TIME).length > 1) break;
    el = up;
    if (up === pane) break; // a reading pane showing one message is that message
  }
  return el;
}

function readSubject(pane: Element): string {
  const byId = pane.querySelector('[id$="_SUBJECT"]');
  if (byId) return textOf(byId);
  const heading = toArray(pane.querySelectorAll('[role=heading][title]')).find(
    (h) => !FROM.test(attr(h, 'title') ?? '') && !TO.test(attr(h, 'title') ?? ''),
  );
  return attr(heading, 'title') ?? '';
}

function readMessage(container: Element, body: Element | null, lang: string): WebmailMessage {
  const timeEl = container.querySelector(TIME);
  const dateText = attr(timeEl, 'title') ?? attr(timeEl, 'aria-label') ?? (textOf(timeEl) || null);
  const when = readMessageDate(timeEl, dateText, lang, 'Outlook');
  const from: Mailbox | null = readLabelled(container, FROM)[0] ?? null;
  return {
    from,
    to: recipientsOf(container, TO),
    cc: recipientsOf(container, CC),
    bcc: recipientsOf(container, BCC),
    dateText,
    date: when.date,
    messageId: null,
    attachments: readAttachments(container),
    body,
    snippet: body ? '' : snippetOf(container, [from?.name, from?.address, dateText, textOf(timeEl)]),
    notes: when.notes,
  };
}

/** A collapsed message's preview: its text without the sender and date shown beside it. */
function snippetOf(container: Element, known: (string | null | undefined)[]): string {
  let text = textOf(container);
  for (const k of known) if (k) text = text.split(k).join(' ');
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function messageIdFromUrl(url: string): string | null {
  const m = /\/mail\/(?:[^?#]*\/)?id\/([^/?#]+)/.exec(url);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

function readConversation(doc: Document | Element, url: string, lang: string) {
  const pane = doc.querySelector(PANE) ?? (doc as Document).body ?? null;
  if (!pane) return null;
  const bodies = toArray(pane.querySelectorAll(BODY));
  const items: { container: Element; body: Element | null }[] = bodies.map((b) => ({
    container: containerOf(b, pane),
    body: b,
  }));
  // Collapsed messages of a conversation (no body): listed by sender, date and preview only.
  const open = items.map((i) => i.container);
  for (const el of collapsedItems(pane, open, FROM)) items.push({ container: el, body: null });
  items.sort((a, b) => (a.container.compareDocumentPosition(b.container) & 2 ? 1 : -1));
  const messages = items.map((i) => ({ ...readMessage(i.container, i.body, lang), container: i.container }));
  const expanded = messages.filter((m) => m.body);
  const dated = expanded.every((m) => m.date) && expanded.length > 1;
  // Outlook can show the newest message on top or at the bottom: pick by date when every date was read.
  const latest = dated ? expanded.reduce((a, b) => (b.date! > a.date! ? b : a)) : expanded.at(-1);
  const selected = doc.querySelector('[role=option][aria-selected="true"][data-convid]');
  const convId = attr(selected ?? pane.querySelector('[data-convid]'), 'data-convid');
  if (latest) latest.messageId = messageIdFromUrl(url) ?? convId;
  const folds = toArray(pane.querySelectorAll('button, [role=button]')).filter((b) =>
    FOLD_TEXT.test(`${attr(b, 'aria-label') ?? ''} ${textOf(b)}`),
  );
  return { pane, subject: readSubject(pane), messages, latest, threadId: convId, folds };
}

function headersOf(c: NonNullable<ReturnType<typeof readConversation>>): EmailHeaders {
  const m = c.latest;
  return {
    subject: clamp(c.subject, 2000),
    from: m?.from ?? null,
    to: m?.to ?? [],
    cc: m?.cc ?? [],
    bcc: m?.bcc ?? [],
    date: m?.date ?? null,
    messageId: m?.messageId ?? null,
    threadId: c.threadId,
    attachments: m?.attachments ?? [],
    provider: 'outlook',
  };
}

/** Headers of the open Outlook message (read without changing the page), or null when none is open. */
export function outlookHeaders(doc: Document, url: string): { email: EmailHeaders; notes: string[] } | null {
  const c = readConversation(doc, url, doc.documentElement?.getAttribute('lang') ?? '');
  if (!c || (!c.latest && !c.subject)) return null;
  return { email: headersOf(c), notes: c.latest?.notes ?? [] };
}

export function extractOutlook(doc: Document, opts: { url: string; maxChars?: number }): CaptureDraft {
  const clone = cloneDocument(doc);
  const c = readConversation(clone, opts.url, clone.documentElement.getAttribute('lang') ?? '');
  if (!c || (!c.latest && !c.subject)) throw new CaptureError('no-open-message', NO_MESSAGE);
  const warnings: string[] = [];
  let markdown: string;
  if (c.latest?.body) {
    const main = bodyMarkdown(c.latest.body, opts.url, c.latest.notes);
    markdown = conversationMarkdown(
      main,
      c.messages.filter((m) => m !== c.latest),
      opts.url,
    );
    warnings.push(...c.latest.notes);
  } else {
    cleanTree(c.pane);
    stripChrome(c.pane);
    markdown = htmlToMarkdown(c.pane, { baseUrl: opts.url });
    warnings.push('Outlook: the message body was not found; the visible reading pane was kept as a page.');
  }
  if (c.latest && !c.latest.from) warnings.push('Outlook: the sender was not found.');
  const hidden = c.folds.reduce(
    (n, b) => n + +(/\d+/.exec(`${attr(b, 'aria-label') ?? ''} ${textOf(b)}`)?.[0] ?? 0),
    0,
  );
  warnings.push(...collapsedWarning('Outlook', c.messages), ...foldedWarning('Outlook', c.folds.length, hidden));
  return finishDraft({
    kind: 'email',
    url: opts.url,
    title: c.subject,
    markdown,
    email: headersOf(c),
    warnings,
    maxChars: opts.maxChars,
  });
}

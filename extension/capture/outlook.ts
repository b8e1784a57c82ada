/**
 * Outlook on the web (the React "Monarch" UI). Class names are hashed per build, so this reads ids, roles,
 * `data-testid` and (localised) `aria-label` hooks; see /work/shared/reference/webmail-selectors.md.
 */
import type { CaptureDraft, EmailHeaders, Mailbox } from '../../shared/domain';
import { cleanTree, cloneDocument, stripChrome } from './clean';
import { bodyMarkdown, conversationMarkdown, type WebmailMessage } from './conversation';
import { finishDraft } from './draft';
import { htmlToMarkdown } from './markdown';
import { attr, CaptureError, clamp, textOf, toArray } from './text';
import { parseWebmailDate } from './webmail-date';
import { readAttachments, readLabelled, recipientsOf } from './outlook-parts';

const NO_MESSAGE = 'Open the e-mail you want to clip, then try again.';
const BODY = 'div[id^="UniqueMessageBody"]';
const PANE =
  '#ReadingPaneContainerId, [data-app-section="MailReadCompose"], #ConversationReadingPaneContainer, [role=main]';
const FROM = /^\s*(from|von|de|van|da|från|fra|od|от|发件人|差出人)\s*[:：]\s*/i;
const TO = /^\s*(to|à|a|an|para|aan|til|till|do|кому|收件人|宛先)\s*[:：]\s*/i;
const CC = /^\s*(cc|cci|kopie)\s*[:：]\s*/i;

const TIME = '[data-testid="SentReceivedSavedTime"]';

/** The largest ancestor of `body` that holds no other message (body or date): that message's header and body. */
function containerOf(body: Element, pane: Element): Element {
  const item = body.closest('.aVla3');
  if (item && pane.contains(item)) return item;
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
  const notes: string[] = [];
  const timeEl = container.querySelector(TIME);
  const dateText = attr(timeEl, 'title') ?? (textOf(timeEl) || null);
  const parsed = parseWebmailDate(dateText, lang);
  if (parsed.note) notes.push(`Outlook: ${parsed.note}`);
  const from: Mailbox | null = readLabelled(container, FROM)[0] ?? null;
  return {
    from,
    to: recipientsOf(container, TO),
    cc: recipientsOf(container, CC),
    dateText,
    date: parsed.date,
    messageId: null,
    attachments: readAttachments(container),
    body,
    snippet: body ? '' : snippetOf(container, [from?.name, from?.address, dateText, textOf(timeEl)]),
    notes,
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
  for (const el of toArray(pane.querySelectorAll('.aVla3'))) {
    if (!el.querySelector(BODY)) items.push({ container: el, body: null });
  }
  items.sort((a, b) => (a.container.compareDocumentPosition(b.container) & 2 ? 1 : -1));
  const messages = items.map((i) => ({ ...readMessage(i.container, i.body, lang), container: i.container }));
  const expanded = messages.filter((m) => m.body);
  const dated = expanded.every((m) => m.date) && expanded.length > 1;
  // Outlook can show the newest message on top or at the bottom: pick by date when every date was read.
  const latest = dated ? expanded.reduce((a, b) => (b.date! > a.date! ? b : a)) : expanded.at(-1);
  const selected = doc.querySelector('[role=option][aria-selected="true"][data-convid]');
  const convId = attr(selected ?? pane.querySelector('[data-convid]'), 'data-convid');
  if (latest) latest.messageId = messageIdFromUrl(url) ?? convId;
  return { pane, subject: readSubject(pane), messages, latest, threadId: convId };
}

function headersOf(c: NonNullable<ReturnType<typeof readConversation>>): EmailHeaders {
  const m = c.latest;
  return {
    subject: clamp(c.subject, 2000),
    from: m?.from ?? null,
    to: m?.to ?? [],
    cc: m?.cc ?? [],
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

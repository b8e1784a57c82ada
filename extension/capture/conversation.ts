/** Shared by the Gmail and Outlook adapters: one message's headers, and the Markdown of a conversation. */
import type { EmailHeaders, Mailbox } from '../../shared/domain';
import { withoutQuotedHistory } from './quotes';
import { cleanTree } from './clean';
import { htmlToMarkdown } from './markdown';

export interface WebmailMessage {
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  /** The date as the page showed it, for people. */
  dateText: string | null;
  date: string | null;
  messageId: string | null;
  attachments: EmailHeaders['attachments'];
  /** The message body in the (cloned or live) page; null when collapsed. */
  body: Element | null;
  /** One-line preview shown for a collapsed message. */
  snippet: string;
  notes: string[];
}

const EARLIER_BODY_MAX = 2000;

/** Body Markdown without quoted history. `body` must belong to a copy of the page: it is cleaned in place. */
export function bodyMarkdown(body: Element, baseUrl: string, notes: string[]): string {
  const stripped = withoutQuotedHistory(body);
  if (stripped.note) notes.push(stripped.note);
  cleanTree(stripped.body);
  return htmlToMarkdown(stripped.body, { baseUrl });
}

export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/\s+/g, ' ')
    .trim();
}

export function who(box: Mailbox | null): string {
  if (!box) return 'Unknown sender';
  if (box.name && box.address) return `${escapeInline(box.name)} (${escapeInline(box.address)})`;
  return escapeInline(box.name || box.address);
}

/** The latest message first; then, for context, the rest of the conversation in the order the page shows it. */
export function conversationMarkdown(latest: string, others: WebmailMessage[], baseUrl: string): string {
  if (others.length === 0) return latest;
  const parts = [latest, '---', '## Earlier in this conversation'];
  for (const m of others) {
    const when = m.dateText ? `, ${escapeInline(m.dateText)}` : '';
    if (m.body) {
      let md = bodyMarkdown(m.body, baseUrl, m.notes);
      if (md.length > EARLIER_BODY_MAX)
        md = md.slice(0, md.lastIndexOf('\n', EARLIER_BODY_MAX) + 1 || EARLIER_BODY_MAX) + '…';
      parts.push(`### ${who(m.from)}${when}`, md || '_(no text)_');
    } else {
      parts.push(`- **${who(m.from)}**${when}${m.snippet ? `: ${escapeInline(m.snippet)}` : ''}`);
    }
  }
  return parts.join('\n\n');
}

/** Messages left collapsed are in the capture by sender, date and preview only: say how many. */
export function collapsedWarning(label: string, messages: WebmailMessage[]): string[] {
  const n = messages.filter((m) => !m.body).length;
  if (n === 0) return [];
  const one = n === 1;
  return [
    `${label}: ${n} message${one ? '' : 's'} of this conversation stayed collapsed; only ${one ? 'its' : 'their'} sender, date and preview were captured.`,
  ];
}

/** Messages hidden behind a fold are not in the capture at all: say how many, when the page shows the count. */
export function foldedWarning(label: string, folds: number, count: number): string[] {
  if (folds === 0) return [];
  const what = count > 0 ? `${count} message${count === 1 ? ' was' : 's were'}` : 'Some messages were';
  return [
    `${label}: ${what} folded away in this conversation and not captured; show them and clip again to include them.`,
  ];
}

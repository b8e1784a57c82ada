/** Shared by the Gmail and Outlook adapters: one message's headers, and the Markdown of a conversation. */
import type { EmailHeaders, Mailbox } from '../../shared/domain';
import { withoutQuotedHistory } from './quotes';
import { cleanTree } from './clean';
import { htmlToMarkdown } from './markdown';

export interface WebmailMessage {
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
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

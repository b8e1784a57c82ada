/**
 * The text hints of a capture, read from a bounded view of its Markdown so a huge capture costs no more than a
 * large one. A long document names who and what in its first lines and closes on its total ("Total annual
 * commitment") in its last: both are read first, then the rest of the head, because only the first amounts found
 * are kept as suggestions.
 */
import type { CaptureDraft } from '../../shared/domain';
import { SCAN_LIMIT, textHints, type TextHints } from '../../shared/hints/text-hints';

/** Characters read from the start and from the end before the long middle. */
export const LEAD_CHARS = 800;
export const CLOSE_CHARS = 400;

/** What the hints read of a long Markdown text: its lead, its close, then the rest of its head, line-aligned. */
export function scannedText(markdown: string): string {
  if (markdown.length <= SCAN_LIMIT) return markdown;
  const leadEnd = Math.max(markdown.lastIndexOf('\n', LEAD_CHARS), 0) || LEAD_CHARS;
  const closeStart = markdown.indexOf('\n', markdown.length - CLOSE_CHARS) + 1 || markdown.length - CLOSE_CHARS;
  const close = markdown.slice(closeStart);
  const rest = markdown.slice(leadEnd, Math.max(leadEnd, SCAN_LIMIT - close.length - 4));
  return `${markdown.slice(0, leadEnd)}\n\n${close}\n\n${rest}`;
}

export function captureHints(draft: CaptureDraft, now: Date): TextHints {
  return textHints({ ...draft, markdown: scannedText(draft.markdown) }, now);
}

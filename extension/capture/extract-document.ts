/**
 * The entry point the capture script and the CLI call: picks the adapter (Gmail, Outlook on the web, selection,
 * or the generic page) and turns any unexpected failure of a hostile or broken page into a CaptureError.
 */
import type { CaptureDraft } from '../../shared/domain';
import { extractGmail } from './gmail';
import { extractOutlook } from './outlook';
import { extractPage } from './page';
import { extractSelection } from './selection';
import { CaptureError } from './text';
import { webmailOf } from './webmail';

export { CaptureError, type CaptureErrorCode } from './text';

export type ExtractMode = 'page' | 'selection';

export interface ExtractOptions {
  url: string;
  mode: ExtractMode;
  /** Cap on the Markdown length (default 2 000 000); longer content is cut with a "truncated" warning. */
  maxChars?: number;
}

export function extractDocument(doc: Document, opts: ExtractOptions): CaptureDraft {
  const { url, maxChars } = opts;
  try {
    if (opts.mode === 'selection') return extractSelection(doc, { url, maxChars });
    // Gmail's print and single-message views (`view=pt`, `view=lg`) are plain pages, not the conversation UI.
    const webmail = /[?&]view=(pt|lg)\b/.test(url) ? null : webmailOf(url);
    if (webmail === 'gmail') return extractGmail(doc, { url, maxChars });
    if (webmail === 'outlook') return extractOutlook(doc, { url, maxChars });
    return extractPage(doc, { url, maxChars });
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CaptureError(
      'unreadable-page',
      `Docket could not read this page (${detail}). Try selecting the part you need and capturing the selection.`,
    );
  }
}

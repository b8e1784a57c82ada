/**
 * The entry point the capture script and the CLI call: picks the adapter (Gmail, Outlook on the web, selection,
 * or the generic page) and turns any unexpected failure of a hostile or broken page into a CaptureError. A webmail
 * adapter that fails unexpectedly falls back to the generic page, which itself falls back down to the page's text.
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
    if (webmail === 'gmail') return orPage(() => extractGmail(doc, { url, maxChars }), 'Gmail', doc, opts);
    if (webmail === 'outlook') return orPage(() => extractOutlook(doc, { url, maxChars }), 'Outlook', doc, opts);
    return extractPage(doc, { url, maxChars });
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    throw unreadable(error);
  }
}

/** A webmail adapter's draft; when it breaks on a page it did not expect, the page read as any other page. */
function orPage(adapter: () => CaptureDraft, name: string, doc: Document, opts: ExtractOptions): CaptureDraft {
  try {
    return adapter();
  } catch (error) {
    // Its own verdicts (no message open, nothing selected) stand: the user has something to do.
    if (error instanceof CaptureError) throw error;
    const draft = extractPage(doc, { url: opts.url, maxChars: opts.maxChars });
    const why = `Docket could not read this as ${name} (${detailOf(error)}); it was captured as a web page.`;
    return { ...draft, warnings: [why, ...draft.warnings] };
  }
}

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function unreadable(error: unknown): CaptureError {
  return new CaptureError(
    'unreadable-page',
    `Docket could not read this page (${detailOf(error)}). Try selecting the part you need and capturing the selection.`,
  );
}

import { browser } from 'wxt/browser';
import type { CaptureDraft } from '../../shared/domain';
import { fetchBytes } from './fetch-bytes';
import { imagesFromTab } from './images/from-tab';
import { DEFAULT_MAX_IMAGE_BYTES, type KeepLimits } from './images/keep';
import { type CaptureRequest, type Captured, type InPageResult, REQUEST_GLOBAL } from './request';
import { CaptureError } from './text';

const PROTECTED = /^(chrome|edge|about|chrome-extension|moz-extension|devtools|view-source):/;
const looksLikePdf = (url: string) => /\.pdf($|[?#])/i.test(url);

// PDFs and linked pages are read here, not in the page: their readers load only when needed, keeping the form light.
async function withTextHints(draft: CaptureDraft): Promise<Captured> {
  const { captureHints } = await import('./hints');
  return { draft, text: captureHints(draft, new Date()) };
}

async function pdfFrom(tabId: number, url: string): Promise<Captured> {
  const [{ bytes }, { pdfBytesToDraft }] = await Promise.all([fetchBytes(tabId, url), import('./pdf-browser')]);
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'document.pdf');
  return withTextHints(await pdfBytesToDraft(bytes, { url, fileName }));
}

async function linkedPage(tabId: number, url: string): Promise<Captured> {
  if (looksLikePdf(url)) return pdfFrom(tabId, url);
  const { bytes, type } = await fetchBytes(tabId, url);
  if (type.includes('pdf')) {
    const { pdfBytesToDraft } = await import('./pdf-browser');
    return withTextHints(await pdfBytesToDraft(bytes, { url }));
  }
  const { extractDocument } = await import('./extract-document');
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'text/html');
  return withTextHints(extractDocument(doc, { url, mode: 'page' }));
}

/** Injects the capture script into the tab and returns its answer. */
async function inject(tabId: number, request: CaptureRequest): Promise<InPageResult> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, req: CaptureRequest) => {
      (globalThis as Record<string, unknown>)[key] = req;
    },
    args: [REQUEST_GLOBAL, request],
  });
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
  const result = frame?.result as InPageResult | undefined;
  if (!result) throw new CaptureError('unreadable-page', 'Docket could not read this page: the page gave no answer.');
  return result;
}

/** The one path every capture takes, from the toolbar, the right-click menu or the keyboard. */
export async function captureFromTab(
  tabId: number,
  request: CaptureRequest,
  limits: KeepLimits = { maxImageBytes: DEFAULT_MAX_IMAGE_BYTES },
): Promise<Captured> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  if (request.mode === 'link') return linkedPage(tabId, request.linkUrl);
  if (PROTECTED.test(url) || url.startsWith('https://chromewebstore.google.com'))
    throw new CaptureError('unreadable-page', 'The browser protects this page: Docket cannot read it.');
  if (looksLikePdf(url)) return pdfFrom(tabId, url);
  let result: InPageResult;
  try {
    result = await inject(tabId, request);
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new CaptureError('unreadable-page', `Docket could not read this page (${detail}).`);
  }
  if (!result.ok) throw new CaptureError(result.code as CaptureError['code'], result.message);
  if ('pdf' in result) return pdfFrom(tabId, result.pdf.url);
  const { draft, text } = result.captured;
  const kept = await imagesFromTab(tabId, draft, limits);
  return { draft: { ...draft, warnings: [...draft.warnings, ...kept.warnings] }, text, images: kept.images };
}

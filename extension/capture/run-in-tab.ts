import { browser } from 'wxt/browser';
import type { CaptureDraft } from '../../shared/domain';
import { CaptureError, extractDocument } from './extract-document';
import { fetchBytes } from './fetch-bytes';
import { pdfBytesToDraft } from './pdf-browser';
import { type CaptureRequest, type InPageResult, REQUEST_GLOBAL } from './request';

const PROTECTED = /^(chrome|edge|about|chrome-extension|moz-extension|devtools|view-source):/;
const looksLikePdf = (url: string) => /\.pdf($|[?#])/i.test(url);

async function pdfFrom(tabId: number, url: string): Promise<CaptureDraft> {
  const { bytes } = await fetchBytes(tabId, url);
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'document.pdf');
  return pdfBytesToDraft(bytes, { url, fileName });
}

async function linkedPage(tabId: number, url: string): Promise<CaptureDraft> {
  if (looksLikePdf(url)) return pdfFrom(tabId, url);
  const { bytes, type } = await fetchBytes(tabId, url);
  if (type.includes('pdf')) return pdfBytesToDraft(bytes, { url });
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'text/html');
  return extractDocument(doc, { url, mode: 'page' });
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
export async function captureFromTab(tabId: number, request: CaptureRequest): Promise<CaptureDraft> {
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
  return result.draft;
}

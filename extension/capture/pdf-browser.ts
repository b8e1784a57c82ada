import type { CaptureDraft } from '../../shared/domain';
import { pdfToDraft } from './pdf';

/** pdf.js is large: it is loaded only when the user clips a PDF, with its worker as a bundled file. */
export async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

export async function pdfBytesToDraft(
  bytes: Uint8Array,
  source: { url?: string | null; fileName?: string | null },
): Promise<CaptureDraft> {
  return pdfToDraft(bytes, { ...source, pdfjs: await loadPdfjs() });
}

import type { PdfjsLike } from '../extension/capture/pdf';

let loaded: Promise<PdfjsLike> | null = null;

/**
 * pdf.js for Node: the legacy build (the modern one needs browser globals Node 20 lacks), loaded once per process.
 * It runs its "fake worker" in this thread; warnings about fonts are silenced since only text is read.
 */
export function loadNodePdfjs(): Promise<PdfjsLike> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => ({
    getDocument: (src) => pdfjs.getDocument({ ...src, verbosity: pdfjs.VerbosityLevel.ERRORS }),
  }));
  return loaded;
}

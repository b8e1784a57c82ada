import { captureHints } from './hints';
import { fileToDraft } from './file';
import { loadPdfjs } from './pdf-browser';
import type { Captured } from './request';

/** Reads a file dropped on (or picked in) the log page; loaded only when a file arrives, so the page opens light. */
export async function readDroppedFile(file: File): Promise<Captured> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isPdf = /\.pdf$/i.test(file.name) || file.type === 'application/pdf';
  const draft = await fileToDraft(
    { name: file.name, type: file.type, bytes },
    {
      parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
      pdfjs: isPdf ? await loadPdfjs() : (null as never),
    },
  );
  return { draft, text: captureHints(draft, new Date()) };
}

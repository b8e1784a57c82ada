import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CaptureDraft } from '../shared/domain';
import { CaptureError } from '../extension/capture/text';
import { fileToDraft } from '../extension/capture/file';
import { mimeTypeOf } from './files';
import { htmlParser } from './html';
import { loadNodePdfjs } from './pdfjs';

export interface ClipRunOptions {
  /** Source URL for every saved page and PDF (see --url). */
  url: string | null;
  /** Files read at the same time. Default 4. */
  concurrency?: number;
  onDraft: (path: string, draft: CaptureDraft) => void;
  onError: (path: string, message: string) => void;
}

/** Runs the extension's file extractors over files, reporting each as it finishes; one failure never stops the rest. */
export async function clipFiles(paths: string[], opts: ClipRunOptions): Promise<{ succeeded: number; failed: number }> {
  const pdfjs = await loadNodePdfjs();
  const counts = { succeeded: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const html = htmlParser();
      try {
        const bytes = new Uint8Array(await readFile(path));
        const file = { name: basename(path), type: mimeTypeOf(path), bytes };
        const draft = await fileToDraft(file, { parseHtml: html.parseHtml, pdfjs, url: opts.url });
        counts.succeeded++;
        opts.onDraft(path, draft);
      } catch (error) {
        counts.failed++;
        opts.onError(path, messageOf(error));
      } finally {
        html.close();
      }
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency ?? 4, paths.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return counts;
}

function messageOf(error: unknown): string {
  if (error instanceof CaptureError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? `unexpected error: ${error.message}` : 'unexpected error';
}

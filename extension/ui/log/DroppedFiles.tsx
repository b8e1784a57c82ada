import { useEffect, useState } from 'preact/hooks';
import type { Captured } from '../../capture/request';
import type { DocketDB } from '../../store/db';
import { CaptureForm } from '../capture/CaptureForm';
import { loadContext, type Prepared, prepare } from '../capture/load';
import type { CaptureContext } from '../capture/form-state';

// The readers (Readability, turndown, pdf.js, chrono) load with the first dropped file, not with the page.
const readFile = async (file: File): Promise<Captured> =>
  (await import('../../capture/dropped-file')).readDroppedFile(file);

/** Files dropped on the log page, one quick-capture form at a time. */
export function useFileDrop(onMessage: (text: string) => void) {
  const [queue, setQueue] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => e.relatedTarget === null && setDragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) setQueue((q) => [...q, ...files]);
      else onMessage('Drop .eml, .html or .pdf files here.');
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onMessage]);
  return {
    queue,
    dragging,
    next: () => setQueue((q) => q.slice(1)),
    add: (files: File[]) => setQueue((q) => [...q, ...files]),
  };
}

export function DroppedFile({ db, file, onDone }: { db: DocketDB; file: File; onDone: (message: string) => void }) {
  const [state, setState] = useState<{ prepared: Prepared; ctx: CaptureContext } | { error: string } | null>(null);
  useEffect(() => {
    (async () => {
      try {
        const [captured, ctx] = await Promise.all([readFile(file), loadContext(db)]);
        setState({ prepared: await prepare(db, captured, ctx), ctx });
      } catch (e) {
        setState({ error: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
      }
    })();
  }, [file]);
  return (
    <div class="modal" role="dialog" aria-label={`Capture ${file.name}`}>
      <div class="popup">
        <header>
          <h1>Clip {file.name}</h1>
          <button type="button" class="link" onClick={() => onDone('')}>
            Skip
          </button>
        </header>
        {!state && <p class="muted">Reading {file.name}…</p>}
        {state && 'error' in state && (
          <>
            <p class="error" role="alert">
              {state.error}
            </p>
            <button type="button" onClick={() => onDone('')}>
              OK
            </button>
          </>
        )}
        {state && 'prepared' in state && state.ctx.clients.length === 0 && (
          <p class="error">Add a client first (left column).</p>
        )}
        {state && 'prepared' in state && state.ctx.clients.length > 0 && (
          <CaptureForm db={db} prepared={state.prepared} ctx={state.ctx} onSaved={(s) => onDone(s.summary)} />
        )}
      </div>
    </div>
  );
}

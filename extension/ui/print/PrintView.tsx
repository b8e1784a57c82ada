import { useEffect, useState } from 'preact/hooks';
import type { DocketDB } from '../../store/db';
import { renderMarkdown } from '../log/render-markdown';
import { printMarkdown } from './print-markdown';

/** A clean document for the browser's print (and Save as PDF): agenda, minutes or a decision brief. */
export function PrintView({ db }: { db: DocketDB }) {
  const [doc, setDoc] = useState<{ title: string; html: string } | { error: string } | null>(null);
  useEffect(() => {
    printMarkdown(db, location.hash)
      .then(({ title, markdown }) => {
        document.title = title;
        setDoc({ title, html: renderMarkdown(markdown) });
      })
      .catch((e: unknown) => setDoc({ error: e instanceof Error ? e.message : String(e) }));
  }, [db]);
  if (!doc) return <p class="muted">Preparing…</p>;
  if ('error' in doc)
    return (
      <p class="error" role="alert">
        {doc.error}
      </p>
    );
  return (
    <>
      <div class="print-bar">
        <button type="button" class="primary" onClick={() => window.print()}>
          Print / Save as PDF
        </button>
      </div>
      <article class="paper markdown" data-testid="print" dangerouslySetInnerHTML={{ __html: doc.html }} />
    </>
  );
}

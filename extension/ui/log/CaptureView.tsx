import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Capture } from '../../../shared/domain';
import { recipientsLine } from '../capture/recipients';
import { formatInstant } from '../format';
import { renderMarkdown, splitMarkdown } from './render-markdown';
import './capture-view.css';

function Source({ capture }: { capture: Capture }) {
  const email = capture.email;
  if (email)
    return (
      <span>
        E-mail from {email.from ? `${email.from.name} <${email.from.address}>` : 'unknown sender'}
        {email.date && `, sent ${formatInstant(email.date)}`}
        {recipientsLine(email) && ` ${recipientsLine(email)}`}
        {email.attachments.length > 0 && ` · attachments: ${email.attachments.map((a) => a.name).join(', ')}`}
      </span>
    );
  const url = capture.source.url;
  return (
    <span>
      {capture.kind === 'pdf'
        ? `PDF, ${capture.pdf?.pageCount ?? '?'} pages`
        : capture.kind === 'selection'
          ? 'Selection'
          : 'Page'}
      {capture.file && ` · file ${capture.file.name}`}
      {url && /^https?:/i.test(url) && (
        <>
          {' · '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            {capture.source.site || url}
          </a>
        </>
      )}
    </span>
  );
}

/** One piece of evidence, readable, rendered inert. */
export function CaptureView({ capture }: { capture: Capture }) {
  return (
    <article class="capture" data-testid="capture">
      <header>
        <strong>{capture.source.title}</strong>
        <br />
        <Source capture={capture} /> · clipped {formatInstant(capture.capturedAt)} by {capture.capturedBy}
      </header>
      {capture.warnings.map((w) => (
        <p class="warning">{w}</p>
      ))}
      <LazyMarkdown text={capture.markdown} />
    </article>
  );
}

/** One piece, sanitised on its own: a piece of captured Markdown is as untrusted as the whole. */
function Piece({ text }: { text: string }) {
  // Rendered once per piece: showing the next piece re-renders the list, not the Markdown already shown.
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div class="piece" dangerouslySetInnerHTML={{ __html: html }} />;
}

const chars = (n: number) => n.toLocaleString('en-US');

/**
 * Long evidence renders a piece at a time: the first screen at once, the next piece when the reader scrolls near
 * the end of what is shown, or every piece after "Show all", a few per frame so the page keeps answering (a 2 MB
 * capture rendered whole froze the log for more than a minute).
 */
function LazyMarkdown({ text }: { text: string }) {
  const pieces = useMemo(() => splitMarkdown(text), [text]);
  const [shown, setShown] = useState(1);
  const [all, setAll] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const more = shown < pieces.length;

  useEffect(() => {
    if (!more || !end.current || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((n) => Math.min(n + 1, pieces.length));
      },
      { root: box.current, rootMargin: '0px 0px 400px 0px' },
    );
    seen.observe(end.current);
    return () => seen.disconnect();
  }, [more, shown, pieces.length]);

  useEffect(() => {
    if (!all || !more) return;
    const frame = requestAnimationFrame(() => setShown((n) => Math.min(n + 2, pieces.length)));
    return () => cancelAnimationFrame(frame);
  }, [all, more, shown, pieces.length]);

  const rendered = pieces.slice(0, shown).reduce((sum, p) => sum + p.length, 0);
  return (
    <>
      <div class="markdown" ref={box}>
        {pieces.slice(0, shown).map((piece, i) => (
          <Piece key={i} text={piece} />
        ))}
        {more && <div class="more-evidence" ref={end} aria-hidden="true" />}
      </div>
      {more && (
        <p class="evidence-progress" data-testid="evidence-more">
          Showing {chars(rendered)} of {chars(text.length)} characters; the rest appears as you scroll.{' '}
          {!all && (
            <button type="button" class="link" onClick={() => setAll(true)}>
              Show all
            </button>
          )}
        </p>
      )}
    </>
  );
}

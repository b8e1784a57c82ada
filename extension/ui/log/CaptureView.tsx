import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Capture } from '../../../shared/domain';
import { recipientsLine } from '../capture/recipients';
import type { DocketDB } from '../../store/db';
import { formatInstant } from '../format';
import { useLocalImages } from './use-local-images';
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

/** One piece of evidence, readable, rendered inert; its images from their local copies only. */
export function CaptureView({ db, capture, siblings = [] }: { db: DocketDB; capture: Capture; siblings?: Capture[] }) {
  const images = useLocalImages(db, capture.images);
  const replaces = capture.replaces ? siblings.find((c) => c.id === capture.replaces) : undefined;
  const replacedBy = siblings.find((c) => c.replaces === capture.id);
  const kept = capture.images?.length ?? 0;
  return (
    <article class="capture" data-testid="capture">
      <header>
        <strong>{capture.source.title}</strong>
        <br />
        <Source capture={capture} /> · clipped {formatInstant(capture.capturedAt)} by {capture.capturedBy}
        {replaces && (
          <span class="muted" data-testid="capture-version">
            {' '}
            · a newer version of the capture of {formatInstant(replaces.capturedAt)}, which is kept
          </span>
        )}
        {replacedBy && (
          <span class="muted" data-testid="capture-version">
            {' '}
            · replaced by the capture of {formatInstant(replacedBy.capturedAt)}
          </span>
        )}
      </header>
      {capture.warnings.map((w) => (
        <p class="warning">{w}</p>
      ))}
      {images.missing > 0 && (
        <p class="muted" data-testid="images-missing">
          {images.missing} of {kept} images are not in this browser yet; they arrive with the next sync.
        </p>
      )}
      {images.screenshots.map(({ url, meta }) => (
        <figure class="screenshot">
          <img src={url} alt={meta.alt} width={meta.width ?? undefined} height={meta.height ?? undefined} />
          <figcaption>{meta.alt}</figcaption>
        </figure>
      ))}
      <LazyMarkdown text={capture.markdown} images={images.bySrc} />
    </article>
  );
}

/** One piece, sanitised on its own: a piece of captured Markdown is as untrusted as the whole. */
function Piece({ text, images }: { text: string; images: ReadonlyMap<string, string> }) {
  // Rendered once per piece: showing the next piece re-renders the list, not the Markdown already shown.
  const html = useMemo(() => renderMarkdown(text, images), [text, images]);
  return <div class="piece" dangerouslySetInnerHTML={{ __html: html }} />;
}

const chars = (n: number) => n.toLocaleString('en-US');

/**
 * Long evidence renders a piece at a time: the first screen at once, the next piece when the reader scrolls near
 * the end of what is shown, or every piece after "Show all", a few per frame so the page keeps answering (a 2 MB
 * capture rendered whole froze the log for more than a minute).
 */
function LazyMarkdown({ text, images }: { text: string; images: ReadonlyMap<string, string> }) {
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
          <Piece key={i} text={piece} images={images} />
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

import type { Capture } from '../../../shared/domain';
import { formatInstant } from '../format';
import { renderMarkdown } from './render-markdown';

function Source({ capture }: { capture: Capture }) {
  const email = capture.email;
  if (email)
    return (
      <span>
        E-mail from {email.from ? `${email.from.name} <${email.from.address}>` : 'unknown sender'}
        {email.date && `, sent ${formatInstant(email.date)}`}
        {email.to.length > 0 && ` to ${email.to.map((m) => m.name || m.address).join(', ')}`}
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
      <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(capture.markdown) }} />
    </article>
  );
}

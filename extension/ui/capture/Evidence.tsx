import type { CaptureDraft } from '../../../shared/domain';
import { recipientsLine } from './recipients';

const KIND_LABEL: Record<CaptureDraft['kind'], string> = {
  page: 'Page',
  selection: 'Selection',
  email: 'E-mail',
  pdf: 'PDF',
  file: 'File',
};

/** What was clipped, in one glance. Plain text only: captured content is untrusted. */
export function Evidence({ draft, images = 0 }: { draft: CaptureDraft; images?: number }) {
  const email = draft.email;
  return (
    <section class="evidence" aria-label="Captured">
      <span class="badge">{KIND_LABEL[draft.kind]}</span>
      {email ? (
        <span>
          {email.from ? `${email.from.name || email.from.address} <${email.from.address}>` : 'E-mail'}
          {email.date && ` · ${new Date(email.date).toLocaleString()}`}
          {recipientsLine(email) && ` · ${recipientsLine(email)}`}
          {email.attachments.length > 0 && ` · attached: ${email.attachments.map((a) => a.name).join(', ')}`}
        </span>
      ) : (
        <span>{draft.source.site}</span>
      )}
      {draft.pdf && <span> · {draft.pdf.pageCount} pages</span>}
      {images > 0 && (
        <span data-testid="images-kept">
          {' '}
          · {images} image{images === 1 ? '' : 's'} kept
        </span>
      )}
      <p class="excerpt">{draft.excerpt}</p>
      {draft.warnings.map((w) => (
        <p class="warning">{w}</p>
      ))}
    </section>
  );
}

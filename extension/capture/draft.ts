/** The last step every extractor shares: cap the Markdown, add the excerpt and source, and check the shape. */
import { CaptureDraft, type EmailHeaders } from '../../shared/domain';
import { capMarkdown, clamp, DEFAULT_MAX_CHARS, makeExcerpt, siteFromUrl } from './text';

export interface DraftParts {
  kind: CaptureDraft['kind'];
  url: string;
  title: string | null | undefined;
  site?: string | null;
  markdown: string;
  email?: EmailHeaders | null;
  warnings: string[];
  maxChars?: number;
}

export function finishDraft(parts: DraftParts): CaptureDraft {
  const warnings = [...new Set(parts.warnings)];
  const markdown = capMarkdown(parts.markdown.trim(), parts.maxChars ?? DEFAULT_MAX_CHARS, warnings);
  const site = parts.site?.trim() || siteFromUrl(parts.url);
  const title = parts.title?.replace(/\s+/g, ' ').trim() || site || parts.url;
  return CaptureDraft.parse({
    kind: parts.kind,
    source: { url: clamp(parts.url, 8000), title: clamp(title, 2000), site: clamp(site, 300) },
    markdown,
    excerpt: makeExcerpt(markdown),
    email: parts.email
      ? {
          ...parts.email,
          messageId: parts.email.messageId && clamp(parts.email.messageId, 1000),
          threadId: parts.email.threadId && clamp(parts.email.threadId, 1000),
        }
      : null,
    warnings,
  });
}

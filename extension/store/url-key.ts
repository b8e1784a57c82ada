import type { CaptureDraft } from '../../shared/domain';
import { normalizeUrl } from '../../shared/hints/url';

/** The key duplicates are found by: the source URL without tracking parameters (webmail keeps its fragment). */
export function urlKeyOf(draft: CaptureDraft): string | null {
  return draft.source.url ? normalizeUrl(draft.source.url) : null;
}

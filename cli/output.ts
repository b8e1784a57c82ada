import type { CaptureDraft } from '../shared/domain';

/** Words in the captured text, Markdown markers aside. */
export function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** `<file>  <kind>  "<title>"  <n> words  [warnings]` */
export function humanLine(path: string, draft: CaptureDraft): string {
  const words = wordCount(draft.markdown);
  const parts = [path, draft.kind, JSON.stringify(draft.source.title), `${words} word${words === 1 ? '' : 's'}`];
  if (draft.warnings.length > 0) parts.push(`[${draft.warnings.join('; ')}]`);
  return parts.join('  ');
}

/** One NDJSON line: where the file was, then the draft (and its hints, when given). */
export function jsonLine(path: string, draft: CaptureDraft, hints?: unknown): string {
  return JSON.stringify(hints === undefined ? { path, ...draft } : { path, ...draft, hints });
}

/**
 * Writing Markdown safely. Titles and names can come from captured pages, so they are escaped and kept on one line
 * (a title must not open a heading or a link). Longer fields the vCIO wrote (context, rationale, notes) are
 * Markdown already and are kept as written, only with normalised line ends.
 */

/** One line of literal text: whitespace collapsed, Markdown punctuation escaped. */
export function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#|[a-zA-Z]+;)/g, '\\&');
}

/** A block of the user's Markdown: LF line ends, no trailing spaces at the end, no leading or trailing blank lines. */
export function block(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}

/** A block indented under a list entry, so a multi-paragraph text stays inside it. */
export function indented(text: string, prefix: string): string {
  return block(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : prefix + line))
    .join('\n');
}

/** A URL as an autolink when it is one; otherwise as code, so it is shown and never interpreted. */
export function link(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : `\`${url.replace(/`/g, "'")}\``;
}

/**
 * A GitHub-flavoured table, columns padded to one width so it also reads well as plain text (the handoff pack is
 * often opened in an editor). Cells are inline text already escaped by the caller.
 */
export function table(head: string[], rows: string[][]): string {
  const width = (cell: string) => [...cell].length;
  const widths = head.map((h, c) => Math.max(3, width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Joins sections with one blank line between them and a single newline at the end. */
export function document(parts: (string | null | false)[]): string {
  return (
    parts
      .filter((p): p is string => typeof p === 'string' && p !== '')
      .join('\n\n')
      .trimEnd() + '\n'
  );
}

export const NOTHING = '_Nothing this time._';

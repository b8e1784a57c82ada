import { parseArgs } from 'node:util';

export interface ClipArgs {
  paths: string[];
  url: string | null;
  json: boolean;
}

export type ParsedArgs = { ok: true; args: ClipArgs } | { ok: false; help: boolean; error: string | null };

export const USAGE = `Usage: npm run clip -- <file or folder>... [--url <url>] [--json]

Reads saved .html, .eml and .pdf files with the extension's own extractors and prints one line per file,
as each one finishes (so the order can differ from the arguments).

  <file or folder>  files to read; a folder stands for the .html/.htm/.eml/.pdf files directly inside it
                    (not its subfolders)
  --url <url>       the address the saved pages or PDFs came from (a saved Gmail page goes through the
                    Gmail reader); with several files it applies to every .html and .pdf file
  --json            one JSON capture per line (NDJSON): the capture draft, its "path" and, when available,
                    its "hints"
  -h, --help        this text

Errors for a file go to stderr as "<file>: <message>" and the other files still run.
Exit code: 0 if every file was read, 1 if any failed, 2 on a usage error.`;

/** Command-line arguments; unknown flags and a missing file are usage errors, not crashes. */
export function parseClipArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { url: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return { ok: false, help: false, error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: false, help: true, error: null };
  if (positionals.length === 0) return { ok: false, help: false, error: 'No files given.' };
  if (values.url !== undefined && !URL.canParse(values.url)) {
    return { ok: false, help: false, error: `--url "${values.url}" is not an absolute URL.` };
  }
  return { ok: true, args: { paths: positionals, url: values.url ?? null, json: values.json ?? false } };
}

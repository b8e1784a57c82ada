import { parseArgs } from 'node:util';

export interface ClipArgs {
  paths: string[];
  url: string | null;
  json: boolean;
  /** --clients: the file of clients the form would offer; null = no prefill, hints as before any client is known. */
  clients: string | null;
  /** --now: the instant the hints and the form take as "now". */
  now: Date;
  /** --score: a corpus folder to score extraction on (pages with gold files) instead of clipping files. */
  score?: string;
}

export type ParsedArgs = { ok: true; args: ClipArgs } | { ok: false; help: boolean; error: string | null };

export const USAGE = `Usage: npm run clip -- <file or folder>... [--url <url>] [--json] [--clients <file>] [--now <date>]
       npm run clip -- --score <folder> [--json]

Reads saved .html, .eml and .pdf files with the extension's own extractors and prints one line per file,
as each one finishes (so the order can differ from the arguments).

  <file or folder>  files to read; a folder stands for the .html/.htm/.eml/.pdf files directly inside it
                    (not its subfolders)
  --url <url>       the address the saved pages or PDFs came from (a saved Gmail page goes through the
                    Gmail reader); with several files it applies to every .html and .pdf file
  --json            one JSON capture per line (NDJSON): the capture draft, its "path" and, when available,
                    its "hints" (and its "form" with --clients)
  --clients <file>  clients, with their domains and vendors, as the capture form would know them: a client log
                    the extension exported, a JSON array of such logs, or a registry
                    { "clients": [{ "id", "name", "domains" }], "vendors": [{ "id", "clientId", "name", "domains" }] };
                    under each file, prints what the form would prefill (client and why, vendor, kind, amount,
                    decide-by, meeting, section, title)
  --now <date>      the date (2026-12-04) or UTC instant (2026-12-04T15:00:00Z) taken as now, for output that
                    does not change from day to day; default: the current time
  --score <folder>  score extraction instead: every <name>.html in the folder beside a <name>.gold.json
                    ({ "title", "text", "kind", "url"? }) goes through Docket and through bare Readability, and
                    token precision, recall, F1 and title accuracy are printed per kind (with --json, as JSON)
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
      options: {
        url: { type: 'string' },
        json: { type: 'boolean' },
        clients: { type: 'string' },
        now: { type: 'string' },
        score: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, help: false, error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: false, help: true, error: null };
  if (values.score !== undefined) {
    if (!values.score) return { ok: false, help: false, error: '--score needs a folder.' };
    if (positionals.length > 0) return { ok: false, help: false, error: '--score takes a folder, not files.' };
  } else if (positionals.length === 0) return { ok: false, help: false, error: 'No files given.' };
  if (values.url !== undefined && !URL.canParse(values.url)) {
    return { ok: false, help: false, error: `--url "${values.url}" is not an absolute URL.` };
  }
  if (values.clients === '') return { ok: false, help: false, error: '--clients needs a file.' };
  const now = values.now === undefined ? new Date() : parseNow(values.now);
  if (!now) {
    return {
      ok: false,
      help: false,
      error: `--now "${values.now}" is not a date such as 2026-12-04 or a UTC instant such as 2026-12-04T15:00:00Z.`,
    };
  }
  return {
    ok: true,
    args: {
      paths: positionals,
      url: values.url ?? null,
      json: values.json ?? false,
      clients: values.clients ?? null,
      now,
      ...(values.score !== undefined && { score: values.score }),
    },
  };
}

/** '2026-12-04' (midnight UTC) or an instant with its offset ('…T15:00:00Z', '…T10:00-05:00'); null otherwise. */
export function parseNow(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  // The engine rolls 2026-02-30 over to March: the day must be the one written.
  const day = new Date(`${match[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== match[1]) return null;
  const now = new Date(text.trim());
  return Number.isNaN(now.getTime()) ? null : now;
}

/**
 * `npm run clip -- <files…> [--url U] [--json] [--clients FILE] [--now DATE]`: the extension's extractors on saved
 * files, and with --clients what the capture form would prefill for each; `--score DIR` measures extraction against
 * a corpus's gold instead. See USAGE in args.ts.
 */
import { parseClipArgs, USAGE } from './args';
import { ClientsFileError, readClientsFile, type ClientRecords } from './clients-file';
import { expandPaths } from './files';
import { formLines, formPrefill, humanLine, jsonLine } from './output';

async function main(argv: string[]): Promise<number> {
  const parsed = parseClipArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) process.stdout.write(`${USAGE}\n`);
    else process.stderr.write(`clip: ${parsed.error}\n\n${USAGE}\n`);
    return parsed.help ? 0 : 2;
  }
  const { args } = parsed;
  if (args.score !== undefined) return score(args.score, args.json);
  let known: ClientRecords | null = null;
  if (args.clients !== null) {
    try {
      known = await readClientsFile(args.clients);
    } catch (error) {
      if (!(error instanceof ClientsFileError)) throw error;
      const [first, ...more] = error.problems;
      const rest = more.map((p) => `\n  ${p}`).join('');
      process.stderr.write(`clip: --clients ${error.file}: ${more.length ? `${first}${rest}` : first}\n`);
      return 2;
    }
  }
  const files = await expandPaths(args.paths);
  if (files.length === 0) {
    process.stderr.write(`clip: no .html, .eml or .pdf files in ${args.paths.join(', ')}\n`);
    return 2;
  }
  // The extractors (jsdom, pdf.js, hints) take a while to load: only once there is work to do.
  const [{ clipFiles }, { suggestHints }] = await Promise.all([import('./run'), import('../shared/hints')]);
  const { now } = args;
  const { failed } = await clipFiles(files, {
    url: args.url,
    onDraft(path, draft) {
      // Without --clients: the hints as the quick-capture form would first show them, before any client is known.
      if (!args.json && !known) return void process.stdout.write(`${humanLine(path, draft)}\n`);
      const hints = suggestHints(draft, { clients: known?.clients ?? [], vendors: known?.vendors ?? [], now });
      const form = known ? formPrefill(draft, hints, { ...known, lastClientId: null, now }) : undefined;
      const line = args.json
        ? jsonLine(path, draft, hints, form)
        : [humanLine(path, draft), ...(form ? formLines(form) : [])].join('\n');
      process.stdout.write(`${line}\n`);
    },
    onError: (path, message) => process.stderr.write(`${path}: ${message}\n`),
  });
  return failed > 0 ? 1 : 0;
}

async function score(dir: string, json: boolean): Promise<number> {
  const { formatReport, report, scoreCorpus } = await import('./score');
  const scores = await scoreCorpus(dir);
  if (scores.length === 0) {
    process.stderr.write(`clip: no <name>.gold.json files in ${dir}\n`);
    return 2;
  }
  const rep = report(scores);
  process.stdout.write(json ? `${JSON.stringify({ report: rep, pages: scores })}\n` : `${formatReport(rep, scores)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

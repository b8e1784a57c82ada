/** `npm run clip -- <files…> [--url U] [--json]`: the extension's extractors on saved files. See USAGE in args.ts. */
import { parseClipArgs, USAGE } from './args';
import { expandPaths } from './files';
import { humanLine, jsonLine } from './output';

async function main(argv: string[]): Promise<number> {
  const parsed = parseClipArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) process.stdout.write(`${USAGE}\n`);
    else process.stderr.write(`clip: ${parsed.error}\n\n${USAGE}\n`);
    return parsed.help ? 0 : 2;
  }
  const { args } = parsed;
  const files = await expandPaths(args.paths);
  if (files.length === 0) {
    process.stderr.write(`clip: no .html, .eml or .pdf files in ${args.paths.join(', ')}\n`);
    return 2;
  }
  // The extractors (jsdom, pdf.js, hints) take a while to load: only once there is work to do.
  const [{ clipFiles }, { suggestHints }] = await Promise.all([import('./run'), import('../shared/hints')]);
  const now = new Date();
  const { failed } = await clipFiles(files, {
    url: args.url,
    onDraft(path, draft) {
      // Hints as the quick-capture form would first show them, before any client or vendor is known.
      const line = args.json
        ? jsonLine(path, draft, suggestHints(draft, { clients: [], vendors: [], now }))
        : humanLine(path, draft);
      process.stdout.write(`${line}\n`);
    },
    onError: (path, message) => process.stderr.write(`${path}: ${message}\n`),
  });
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

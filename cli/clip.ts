/** `npm run clip -- <files…> [--url U] [--json]`: the extension's extractors on saved files. See USAGE in args.ts. */
import { parseClipArgs, USAGE } from './args';
import { expandPaths } from './files';
import { humanLine, jsonLine } from './output';
import { clipFiles } from './run';

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
  const { failed } = await clipFiles(files, {
    url: args.url,
    onDraft: (path, draft) => process.stdout.write(`${args.json ? jsonLine(path, draft) : humanLine(path, draft)}\n`),
    onError: (path, message) => process.stderr.write(`${path}: ${message}\n`),
  });
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

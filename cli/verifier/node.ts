/**
 * `node verify.mjs <pack folder or .zip>`: the offline verifier of a Docket ledger pack, bundled into one file with no
 * dependency (scripts/build-verifier.mjs). Exit 0 when everything verifies, 1 with the list of what does not, 2 when
 * it was not called right or the pack cannot be read at all.
 */
import './jitless';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { EVIDENCE_DIR, PACK_FILES } from '../../shared/ledger/pack';
import { looksLikeZip, unzipPack, type PackFiles } from '../../shared/ledger/pack-files';
import { formatReport, verifyPack } from '../../shared/ledger/verify';

const USAGE = `Docket ledger pack verifier

usage: node verify.mjs <pack folder or .zip> [--json]

Checks, with no network, every hash, root and signature of a pack exported by Docket (a handoff pack or a
meeting's evidence pack) and says, per sealed meeting, whether it is unchanged since sealed, amended after
sealing (what, who, when) or fails. --json prints the report as JSON.
Exit status: 0 everything verifies, 1 something does not (listed), 2 usage error or unreadable pack.
`;

class UsageError extends Error {}

/** Every file under a folder, by its path relative to it with "/" separators. */
function walk(dir: string, out: string[] = [], root = dir): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out, root);
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/** The ledger files of a pack folder (and only those: the minutes and other files are never read). */
function readFolder(dir: string): PackFiles {
  const paths = walk(dir);
  const manifest = paths
    .filter((p) => p === PACK_FILES.manifest || p.endsWith('/' + PACK_FILES.manifest))
    .sort((a, b) => a.length - b.length)[0];
  const top = manifest ? manifest.slice(0, manifest.length - PACK_FILES.manifest.length) : '';
  const files: PackFiles = new Map();
  for (const p of paths)
    if (p.startsWith(top + 'ledger/') || p.startsWith(top + EVIDENCE_DIR))
      files.set(p, new Uint8Array(readFileSync(join(dir, ...p.split('/')))));
  return files;
}

function readPackAt(path: string): PackFiles {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}: there is no such file or folder`);
  }
  if (info.isDirectory()) return readFolder(path);
  const bytes = new Uint8Array(readFileSync(path));
  if (!looksLikeZip(bytes)) throw new UsageError(`${path} is neither a folder nor a .zip file`);
  try {
    return unzipPack(bytes);
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  if (rest.length !== 1 || rest[0] === '--help' || rest[0] === '-h' || rest[0]!.startsWith('-')) {
    (rest[0] === '--help' || rest[0] === '-h' ? process.stdout : process.stderr).write(USAGE);
    return rest[0] === '--help' || rest[0] === '-h' ? 0 : 2;
  }
  let files: PackFiles;
  try {
    files = readPackAt(rest[0]!);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`verify.mjs: ${error.message}\nusage: node verify.mjs <pack folder or .zip> [--json]\n`);
    return 2;
  }
  const report = await verifyPack(files);
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`verify.mjs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

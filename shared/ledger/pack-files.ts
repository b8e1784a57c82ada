import { unzipSync } from 'fflate';
import { PACK_FILES } from './pack';

/**
 * A pack's files as the verifier reads them: relative path → bytes. Pure (no file system): the Node entry reads a
 * folder, the page reads what the user picked, and both can hand a .zip's bytes to `unzipPack`.
 */
export type PackFiles = Map<string, Uint8Array>;

/** `a\b` and `./a/b` → `a/b`. */
const normal = (path: string) =>
  path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');

/**
 * The files relative to the pack's top: the folder holding `ledger/pack.json` (a zip, or a folder chosen in a
 * browser, often wraps the pack in one folder of its own). Unchanged when no pack.json is found.
 */
export function packRoot(files: PackFiles): PackFiles {
  const paths = [...files.keys()].map(normal);
  const manifest = paths
    .filter((p) => p === PACK_FILES.manifest || p.endsWith('/' + PACK_FILES.manifest))
    .sort((a, b) => a.length - b.length)[0];
  const prefix = manifest ? manifest.slice(0, manifest.length - PACK_FILES.manifest.length) : '';
  const out: PackFiles = new Map();
  for (const [path, bytes] of files) {
    const p = normal(path);
    if (p.startsWith(prefix)) out.set(p.slice(prefix.length), bytes);
  }
  return out;
}

/** The files of a .zip (folders left out). Throws with a readable message when it is not one. */
export function unzipPack(zip: Uint8Array): PackFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new Error(`this is not a readable .zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  const files: PackFiles = new Map();
  for (const [name, bytes] of Object.entries(entries)) if (!name.endsWith('/')) files.set(name, bytes);
  return files;
}

/** Is this the start of a zip (a local file header, or the end record of an empty zip)? */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

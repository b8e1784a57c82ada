import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.eml': 'message/rfc822',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
};

/** MIME type from the extension, as a browser would report it for a dropped file ('' when unknown). */
export function mimeTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? '';
}

/**
 * Arguments as a list of files: a folder becomes the supported files directly inside it, sorted
 * (not recursive); files and missing paths are passed through so their errors are reported per file.
 */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    const inside = entries.filter((entry) => entry.isFile() && mimeTypeOf(entry.name)).map((entry) => entry.name);
    files.push(...inside.sort().map((name) => join(path, name)));
  }
  return files;
}

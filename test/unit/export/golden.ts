/**
 * Golden files: an export's full text compared with a reviewed copy under test/golden/. `UPDATE_GOLDEN=1` rewrites
 * the copies; review the diff before committing it. Files are read and written as bytes, so CRLF stays CRLF.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../golden');
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

export function goldenPath(name: string): string {
  return resolve(ROOT, name);
}

export function readGolden(name: string): string | null {
  const path = goldenPath(name);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function expectGolden(name: string, actual: string): void {
  const path = goldenPath(name);
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  const expected = readGolden(name);
  if (expected === null)
    throw new Error(`missing golden file test/golden/${name}; run with UPDATE_GOLDEN=1 to write it`);
  expect(actual, `output differs from test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected);
}

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a browser test saves a screenshot. `npm run screenshots` sets DOCKET_SCREENSHOTS=1 and they land in the
 * README's gallery (docs/screenshots); a plain `npm test` keeps them in a temp folder, so it never rewrites
 * tracked files.
 */
const DIR = process.env.DOCKET_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'docket-screenshots');
mkdirSync(DIR, { recursive: true });

export function shot(name: string): string {
  return join(DIR, name.endsWith('.png') ? name : `${name}.png`);
}

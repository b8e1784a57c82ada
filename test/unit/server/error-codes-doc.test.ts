import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../shared/sync/protocol';

describe('docs/sync-protocol.md', () => {
  it('lists every error code with its status, and no other', () => {
    const doc = readFileSync(new URL('../../../docs/sync-protocol.md', import.meta.url), 'utf8');
    const errors = doc.slice(doc.indexOf('## Errors'), doc.indexOf('## Limits'));
    const rows = [...errors.matchAll(/^\| `([a-z-]+)` +\| (\d{3}) +\|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_STATUS);
    expect(rows).toHaveLength(Object.keys(ERROR_STATUS).length);
  });
});

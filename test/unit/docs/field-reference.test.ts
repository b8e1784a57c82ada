import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe as group, expect, it } from 'vitest';
import { z } from 'zod';
import { describe, DOC, END, fieldReferenceMarkdown, START, withFieldReference } from '../../../cli/field-reference';
import { syncFields, TABLE_SCHEMAS } from '../../../shared/sync/fields';
import { TOMBSTONE, type SyncTable } from '../../../shared/sync/protocol';

const doc = readFileSync(DOC, 'utf8');
const words = (schema: z.ZodType) => describe(schema as never).text;

group('the field reference in docs/sync-protocol.md', () => {
  it('is what the zod schemas say (run `npm run docs:fields` when this fails)', async () => {
    const regenerated = await withFieldReference(doc);
    expect(
      regenerated === doc,
      'docs/sync-protocol.md: the field reference differs from the zod schemas in shared/domain/. Run `npm run docs:fields` and commit the result.',
    ).toBe(true);
  });

  it('notices a field line that is missing or changed', async () => {
    const edited = doc.replace(/^- `title`: string of 1–500 characters, trimmed\n/m, '');
    expect(edited).not.toBe(doc);
    expect(await withFieldReference(edited)).toBe(doc);
    const changed = doc.replace('`weekday`: integer from 0 to 6', '`weekday`: integer from 1 to 7');
    expect(changed).not.toBe(doc);
    expect(await withFieldReference(changed)).toBe(doc);
  });

  it('has a section for each synced table listing every field a change may set', () => {
    const section = doc.slice(doc.indexOf(START), doc.indexOf(END));
    for (const [table, body] of section
      .split(/^### /m)
      .slice(1)
      .map((s) => [s.split('\n')[0]!, s] as const)) {
      const listed = [...body.matchAll(/^- `([A-Za-z]+)`:/gm)].map((m) => m[1]);
      expect(listed, table).toEqual(syncFields(table as SyncTable).filter((f) => f !== TOMBSTONE));
    }
    expect([...section.matchAll(/^### (\w+)$/gm)].map((m) => m[1])).toEqual(Object.keys(TABLE_SCHEMAS));
  });

  it('is text prettier leaves alone, so `npm run check` agrees with the drift test', async () => {
    const options = { ...(await resolveConfig(DOC)), filepath: DOC };
    const once = await format(fieldReferenceMarkdown(), options);
    expect(await format(once, options)).toBe(once);
  });

  it('fails with the markers missing', async () => {
    await expect(withFieldReference('# no markers\n')).rejects.toThrow(/fields:start/);
  });
});

group('schemas in plain words', () => {
  it('says strings, numbers, enums, nullables, defaults and nested objects', () => {
    expect(words(z.string().trim().min(1).max(500))).toBe('string of 1–500 characters, trimmed');
    expect(words(z.string().max(20_000).default(''))).toBe('string of at most 20,000 characters (default `""`)');
    expect(words(z.iso.date().nullable())).toBe('date: string `YYYY-MM-DD`, or null');
    expect(words(z.number().int().min(0).max(6))).toBe('integer from 0 to 6');
    expect(words(z.number().nonnegative())).toBe('number ≥ 0');
    expect(words(z.enum(['low', 'high']).default('low'))).toBe('one of `low`, `high` (default `"low"`)');
    expect(words(z.union([z.literal(1), z.literal(-1)]))).toBe('one of `1`, `-1`');
    expect(words(z.array(z.string()).max(3))).toBe('array of at most 3 items, each: string');
    expect(words(z.boolean().optional())).toBe('boolean (optional: may be absent)');
    const money = describe(z.object({ value: z.number(), currency: z.string() }).nullable() as never);
    expect(money.text).toBe('object, or null');
    expect(money.keys?.map(([k, d]) => `${k}: ${d.text}`)).toEqual(['value: number', 'currency: string']);
  });

  it('refuses a kind of schema it has no words for, rather than guess', () => {
    expect(() => words(z.date())).toThrow(/no words yet for a zod date/);
  });
});

/**
 * `npm run docs:fields`: writes the field reference of docs/sync-protocol.md (between `<!-- fields:start -->` and
 * `<!-- fields:end -->`) from the zod schemas of the synced tables (`TABLE_SCHEMAS` in shared/sync/fields.ts), so the
 * document cannot drift from what the server accepts. test/unit/docs/field-reference.test.ts fails when it has.
 * The text is put through prettier, as `npm run check` would, so the two agree.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { TABLE_SCHEMAS } from '../shared/sync/fields';

export const DOC = resolve(import.meta.dirname, '../docs/sync-protocol.md');
export const START = '<!-- fields:start -->';
export const END = '<!-- fields:end -->';

// zod 4 keeps what a schema checks in `_zod.def`; these are the parts read here.
type Def = { type: string; [key: string]: unknown };
type Schema = { _zod: { def: Def } };
type CheckDef = { check: string; [key: string]: unknown };
type Check = { _zod: { def: CheckDef } };

/** What a schema accepts, in words; objects (and arrays of them) also list their keys. */
export type Described = { text: string; keys?: [string, Described][]; rules?: string[] };

/** A value in code: strings as they are (enum values, patterns), anything else as JSON. */
const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const json = (value: unknown) => `\`${JSON.stringify(value)}\``;
const checksOf = (def: Def) => ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);

/** The message a refinement gives, with a placeholder for the refused value. */
function ruleText(check: CheckDef): string {
  const error = check.error as ((issue: object) => unknown) | undefined;
  const said = error?.({ code: 'custom', input: '…', path: check.path ?? [] });
  const message = typeof said === 'string' ? said : (said as { message?: string } | undefined)?.message;
  const where = Array.isArray(check.path) && check.path.length ? ` (on ${code(check.path.join('.'))})` : '';
  return `${message ?? 'a further check'}${where}`;
}

function lengthWords(checks: CheckDef[], unit: string): string | null {
  const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
  const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
  const n = (x: number) => x.toLocaleString('en-US');
  const plural = (x: number) => `${unit}${x === 1 ? '' : 's'}`;
  if (min !== undefined && max !== undefined) return `${n(min)}–${n(max)} ${plural(max)}`;
  if (max !== undefined) return `at most ${n(max)} ${plural(max)}`;
  if (min !== undefined) return `at least ${n(min)} ${plural(min)}`;
  return null;
}

function describeString(def: Def): string {
  // A bare format (z.iso.date()) is its own check; a chained string keeps its checks in `checks`.
  const checks = def.check ? [def as unknown as CheckDef] : checksOf(def);
  const words: string[] = [];
  let base = 'string';
  for (const c of checks) {
    if (c.check === 'string_format' && c.format === 'datetime')
      base = 'instant: ISO 8601 string in UTC (`2026-11-26T14:00:00.000Z`)';
    else if (c.check === 'string_format' && c.format === 'date') base = 'date: string `YYYY-MM-DD`';
    else if (c.check === 'string_format' && c.format === 'regex') words.push(`matching ${code(String(c.pattern))}`);
    else if (c.check === 'string_format') words.push(`in ${String(c.format)} format`);
    else if (c.check === 'overwrite') {
      // trim() and toLowerCase() are overwrites: tell them apart by what they do.
      const tx = c.tx as (s: string) => string;
      if (tx(' x ') === 'x') words.push('trimmed');
      else if (tx('X') === 'x') words.push('lower-case');
      else words.push('rewritten');
    } else if (c.check === 'custom') words.push(`checked further (refusal: “${ruleText(c)}”)`);
  }
  const length = lengthWords(checks, 'character');
  return [base, ...(length ? [`of ${length}`] : [])].join(' ') + words.map((w) => `, ${w}`).join('');
}

function describeNumber(def: Def): string {
  const checks = checksOf(def);
  const int = checks.some((c) => c.check === 'number_format' && String(c.format).includes('int'));
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  const base = int ? 'integer' : 'number';
  if (low?.inclusive && high?.inclusive) return `${base} from ${low.value} to ${high.value}`;
  const bounds = [
    low ? `${low.inclusive ? '≥' : '>'} ${low.value}` : null,
    high ? `${high.inclusive ? '≤' : '<'} ${high.value}` : null,
  ].filter(Boolean);
  return [base, ...bounds].join(' ').replace(/ (≤|<)/, ', $1');
}

/** A zod schema in plain words. */
export function describe(schema: Schema): Described {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return { text: describeString(def) };
    case 'number':
      return { text: describeNumber(def) };
    case 'boolean':
      return { text: 'boolean' };
    case 'unknown':
      return { text: 'any JSON value' };
    case 'record':
      return { text: `object of ${describe(def.valueType as Schema).text} by key` };
    case 'enum':
      return {
        text: `one of ${Object.values(def.entries as object)
          .map(code)
          .join(', ')}`,
      };
    case 'literal':
      return { text: (def.values as unknown[]).map(code).join(' or ') };
    case 'union': {
      const options = (def.options as Schema[]).map(describe);
      const literals = (def.options as Schema[]).every((o) => o._zod.def.type === 'literal');
      return literals
        ? {
            text: `one of ${(def.options as Schema[])
              .flatMap((o) => o._zod.def.values as unknown[])
              .map(code)
              .join(', ')}`,
          }
        : { text: options.map((o) => o.text).join(', or ') };
    }
    case 'nullable': {
      const inner = describe(def.innerType as Schema);
      return { ...inner, text: `${inner.text}, or null` };
    }
    case 'optional': {
      const inner = describe(def.innerType as Schema);
      return { ...inner, text: `${inner.text} (optional: may be absent)` };
    }
    case 'default': {
      const inner = describe(def.innerType as Schema);
      return { ...inner, text: `${inner.text} (default ${json(def.defaultValue)})` };
    }
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const rules = checksOf(def)
        .filter((c) => c.check === 'custom')
        .map(ruleText);
      return {
        text: 'object',
        keys: Object.entries(shape).map(([key, s]) => [key, describe(s)]),
        ...(rules.length ? { rules } : {}),
      };
    }
    case 'array': {
      const element = describe(def.element as Schema);
      if (element.keys) return { ...element, text: `array of ${lengthWords(checksOf(def), 'object') ?? 'objects'}` };
      const count = lengthWords(checksOf(def), 'item');
      return { text: `array${count ? ` of ${count}` : ''}, each: ${element.text}` };
    }
    default:
      throw new Error(`field-reference: no words yet for a zod ${def.type}; teach cli/field-reference.ts`);
  }
}

function bullets(entries: [string, Described][], depth: number): string[] {
  const pad = '  '.repeat(depth);
  return entries.flatMap(([key, d]) => [
    `${pad}- ${code(key)}: ${d.text}${d.keys ? ', with keys:' : ''}`,
    ...(d.keys ? bullets(d.keys, depth + 1) : []),
    ...(d.rules ?? []).map((r) => `${pad}  - and a rule: ${r}`),
  ]);
}

/** The generated part, as markdown (not yet through prettier): one section per synced table. */
export function fieldReferenceMarkdown(): string {
  const sections = Object.entries(TABLE_SCHEMAS).map(([table, schema]) => {
    const record = describe(schema as unknown as Schema);
    const fields = record.keys!.filter(([key]) => key !== 'id');
    const rules = (record.rules ?? []).map((r) => `A whole-record rule: ${r}.`);
    return [`### ${table}`, '', ...bullets(fields, 0), ...(rules.length ? ['', ...rules] : [])].join('\n');
  });
  return `${sections.join('\n\n')}\n`;
}

/** The document with its field reference regenerated and formatted as prettier formats docs/*.md. */
export async function withFieldReference(doc: string, file = DOC): Promise<string> {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} needs ${START} and ${END} around its field reference`);
  const options = { ...(await resolveConfig(file)), filepath: file };
  const section = await format(fieldReferenceMarkdown(), options);
  return `${doc.slice(0, start + START.length)}\n\n${section}\n${doc.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const doc = await readFile(DOC, 'utf8');
  const next = await withFieldReference(doc);
  if (next === doc) console.log('docs/sync-protocol.md: the field reference is up to date.');
  else {
    await writeFile(DOC, next);
    console.log('docs/sync-protocol.md: field reference written.');
  }
}

import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { DUMP_FORMAT, DUMP_VERSION, LISTS_SINCE, SpaceDump } from '../store/dump';
import { checkDumpLedger } from '../store/dump-ledger';

/**
 * A space's dump as a file, JSON lines so that no space is too big for one string: first a header line (the format,
 * its version, the space and its counters), then one `["<list>", row]` line per row, then an end line counting the
 * rows of each list. A file cut short misses its end line (or its counts disagree): it is refused as truncated,
 * never loaded in part. The whole is then checked against the dump's schema (../store/dump.ts), and its checkpoints
 * against its changes and their keys (../store/dump-ledger.ts).
 */
const LISTS = Object.entries(SpaceDump.shape)
  .filter(([, schema]) => schema instanceof z.ZodArray)
  .map(([list]) => list) as ListName[];
type ListName = { [K in keyof SpaceDump]: SpaceDump[K] extends unknown[] ? K : never }[keyof SpaceDump];

/** Writes the dump to a new file (an existing one is left alone: the write fails). */
export async function writeSpaceFile(path: string, dump: SpaceDump): Promise<void> {
  const out = createWriteStream(path, { flags: 'wx', encoding: 'utf8' });
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => {});
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await Promise.race([once(out, 'drain'), failed]);
  };
  const header = Object.fromEntries(Object.entries(dump).filter(([key]) => !LISTS.includes(key as ListName)));
  await Promise.race([once(out, 'open'), failed]);
  await write(header);
  for (const list of LISTS) for (const row of dump[list]) await write([list, row]);
  await write({ end: DUMP_FORMAT, rows: Object.fromEntries(LISTS.map((list) => [list, dump[list].length])) });
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

export type ReadResult = { ok: true; dump: SpaceDump } | { ok: false; message: string };

/** Reads and checks a space file; a malformed, truncated or unknown one gets a message saying what is wrong. */
export async function readSpaceFile(path: string): Promise<ReadResult> {
  const refuse = (message: string): ReadResult => ({ ok: false, message });
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: Record<string, unknown> | null = null;
  let end: { rows?: unknown } | null = null;
  const rows = Object.fromEntries(LISTS.map((list) => [list, [] as unknown[]])) as Record<string, unknown[]>;
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return refuse(`line ${n} is not JSON (a file cut short, or not a Docket space file)`);
      }
      if (header === null) {
        const h = value as Record<string, unknown> | null;
        if (h?.format !== DUMP_FORMAT) return refuse('not a Docket space file (no "docket-space" header)');
        if (
          typeof h.version !== 'number' ||
          !Number.isInteger(h.version) ||
          h.version < 1 ||
          h.version > DUMP_VERSION
        ) {
          return refuse(`format version ${JSON.stringify(h.version)}: this server reads versions 1 to ${DUMP_VERSION}`);
        }
        header = h;
      } else if (end !== null) return refuse(`line ${n} comes after the end line`);
      else if (Array.isArray(value) && value.length === 2 && rows[value[0]]) rows[value[0]]!.push(value[1]);
      else if ((value as { end?: unknown } | null)?.end === DUMP_FORMAT) end = value as { rows?: unknown };
      else return refuse(`line ${n} is not a row of a known list`);
    }
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (header === null) return refuse('the file is empty');
  if (end === null) return refuse('the file ends before its end line: it was cut short (truncated)');
  // An older file has no line, and no count, for a list added since: it is read as empty.
  const version = header.version as number;
  const listed = LISTS.filter((list) => version >= (LISTS_SINCE[list] ?? 1));
  const counted = Object.fromEntries(listed.map((list) => [list, rows[list]!.length]));
  if (JSON.stringify(end.rows) !== JSON.stringify(counted)) {
    return refuse(`the rows do not add up to the end line's counts (${JSON.stringify(end.rows)}): truncated or edited`);
  }
  const parsed = SpaceDump.safeParse({ ...header, version: DUMP_VERSION, ...rows });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    return refuse(`malformed: ${issues.join('; ')}`);
  }
  // Its checkpoints against its own changes, and their signatures: a file's hashes are never taken on trust.
  const ledger = await checkDumpLedger(parsed.data);
  if (ledger.length > 0) return refuse(`malformed: ${ledger.slice(0, 3).join('; ')}`);
  return { ok: true, dump: parsed.data };
}

import type { z } from 'zod';
import { Instant } from '../../domain/common';
import { HLC_PATTERN } from '../../sync/constants';
import { FieldName, LoggedChange, SyncTable } from '../../sync/protocol';
import { TABLE_SCHEMAS } from '../../sync/fields';
import { SignedCheckpoint } from '../checkpoint';
import { leafTextOf } from '../log-leaf';
import { leafHash } from '../merkle';
import {
  EVIDENCE_DIR,
  IMAGE_EXTENSIONS,
  PACK_FILES,
  PACK_TABLES,
  PackKeys,
  PackManifest,
  PackRecord,
  type PackTable,
} from '../pack';
import type { PackFiles } from '../pack-files';
import { sha256Hex } from '../sha256';
import { count, named, plural, short } from './words';

/** Where checks write: problems (what does not verify) and the log (what did). */
export type Sink = { problems: string[]; log: string[] };

/** One line of ledger/leaves.jsonl: its leaf hash (of the line's bytes as they are), the change it holds if any. */
export type Leaf = { line: number; change: LoggedChange | null; hash: Uint8Array };

export type ImageFile = { path: string; sha256: string; bytesSha256: string };

export type PackContents = {
  manifest: PackManifest;
  keys: PackKeys | null;
  records: Record<PackTable, PackRecord[]>;
  /** Null when the pack has no log (an unshared client, or the file is missing: a problem then). */
  leaves: Leaf[] | null;
  checkpoints: SignedCheckpoint[] | null;
  /** Evidence image files, by the SHA-256 their name gives. */
  images: Map<string, ImageFile>;
};

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(files: PackFiles, path: string, sink: Sink): string | null {
  const bytes = files.get(path);
  if (!bytes) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    sink.problems.push(`${path} is not UTF-8 text: it was damaged or is not the file Docket wrote`);
    return null;
  }
}

function json(files: PackFiles, path: string, sink: Sink): { value: unknown } | null {
  const t = text(files, path, sink);
  if (t === null) return null;
  try {
    return { value: JSON.parse(t) as unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    sink.problems.push(`${path} is not valid JSON (${why}): it was damaged or edited by hand`);
    return null;
  }
}

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? `\`${first.path.join('.')}\`: ` : '';
  return `${where}${first?.message ?? 'invalid value'}`;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, path: string, sink: Sink): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  sink.problems.push(`${path} is not in the form Docket writes: ${issue(result.error)}`);
  return null;
}

/** Each table's known fields: a record with another one was edited (a renamed key would otherwise pass as null). */
const KNOWN = Object.fromEntries(
  PACK_TABLES.map((t) => [t, new Set([...Object.keys(TABLE_SCHEMAS[t].shape), '_stamps'])]),
) as Record<PackTable, Set<string>>;

function readRecords(files: PackFiles, shared: boolean, sink: Sink): Record<PackTable, PackRecord[]> {
  const out: Record<PackTable, PackRecord[]> = { meetings: [], items: [], captures: [] };
  const path = PACK_FILES.records;
  const file = json(files, path, sink);
  if (!file) {
    if (!files.has(path)) sink.problems.push(`${path} is missing: the pack has no records to check`);
    return out;
  }
  const top = file.value as Record<string, unknown> | null;
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    sink.problems.push(`${path} is not in the form Docket writes: it must be an object of meetings, items, captures`);
    return out;
  }
  for (const table of PACK_TABLES) {
    const list = top[table];
    if (!Array.isArray(list)) {
      sink.problems.push(`${path} is not in the form Docket writes: \`${table}\` must be a list`);
      continue;
    }
    const seen = new Set<string>();
    list.forEach((value, i) => {
      const record = PackRecord.safeParse(value);
      if (!record.success) {
        sink.problems.push(`${path}: entry ${i + 1} of \`${table}\` is not a record: ${issue(record.error)}`);
        return;
      }
      const r = record.data;
      const name = named(table, r.id, r);
      if (seen.has(r.id)) sink.problems.push(`${path}: ${name} is listed twice`);
      seen.add(r.id);
      const unknown = Object.keys(r).filter((k) => !KNOWN[table].has(k));
      if (unknown.length)
        sink.problems.push(`${path}: ${name} has a field Docket does not know: \`${unknown.join('`, `')}\``);
      // A shared client's records are held to the log field by field; an unshared one's have only their schema.
      if (!shared) {
        const valid = TABLE_SCHEMAS[table].safeParse(r);
        if (!valid.success)
          sink.problems.push(`${path}: ${name} is not a valid ${table} record: ${issue(valid.error)}`);
      }
      out[table].push(r);
    });
  }
  return out;
}

/** The keys of a leaf's text, in canonical (sorted) order: see log-leaf.ts. */
const LEAF_KEY_LIST = [
  'author',
  'authorId',
  'base',
  'field',
  'hlc',
  'id',
  'receivedAt',
  'replicaId',
  'seq',
  'table',
  'value',
] as const;

function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return keys.every((k) => keysSorted((value as Record<string, unknown>)[k]));
}

/**
 * Is the line exactly `leafTextOf` of its change? The quick way first: a line whose keys are already in canonical
 * order at every level is canonical when plain JSON.stringify gives it back (same text as canonicalJson then).
 * Anything else is settled by leafTextOf itself.
 */
function canonicalLeaf(raw: unknown, change: LoggedChange, text: string, leafKeys: boolean): boolean {
  const quick = leafKeys && keysSorted((raw as { value: unknown }).value) && JSON.stringify(raw) === text;
  return quick || leafTextOf(change) === text;
}

/** A schema check remembered by value: a log repeats the same few field names and arrival times many times. */
function remembered(schema: z.ZodType): (value: string) => boolean {
  const seen = new Map<string, boolean>();
  return (value) => {
    let ok = seen.get(value);
    if (ok === undefined) seen.set(value, (ok = schema.safeParse(value).success));
    return ok;
  };
}
const TABLES = new Set<string>(SyncTable.options);
const fieldName = remembered(FieldName);
const instant = remembered(Instant);
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 200;
const isHlc = (v: unknown) => typeof v === 'string' && HLC_PATTERN.test(v);

/**
 * LoggedChange.safeParse, the quick way, for a line of exactly the eleven keys: the same checks as the schema
 * (shared/sync/protocol.ts), so a line it passes is the schema's output as it stands. Anything it does not pass is
 * left to the schema, which says what is wrong. A large log is hundreds of thousands of lines.
 */
function quickChange(raw: unknown, leafKeys: boolean): LoggedChange | null {
  if (!leafKeys) return null;
  const c = raw as Record<string, unknown>;
  const ok =
    TABLES.has(c.table as string) &&
    isId(c.id) &&
    typeof c.field === 'string' &&
    fieldName(c.field) &&
    isHlc(c.hlc) &&
    (c.base === null || isHlc(c.base)) &&
    Number.isSafeInteger(c.seq) &&
    (c.seq as number) > 0 &&
    isId(c.replicaId) &&
    isId(c.authorId) &&
    typeof c.author === 'string' &&
    typeof c.receivedAt === 'string' &&
    instant(c.receivedAt);
  return ok ? (c as LoggedChange) : null;
}

function readLeaves(files: PackFiles, sink: Sink): Leaf[] | null {
  const path = PACK_FILES.leaves;
  const bytes = files.get(path);
  if (!bytes) {
    sink.problems.push(`${path} is missing: this client is shared, so its pack must carry the log`);
    return null;
  }
  // Each line ends with "\n"; what follows the last one, if anything, is not a whole line.
  if (bytes.length !== 0 && bytes[bytes.length - 1] !== 10) {
    let breaks = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) breaks++;
    sink.problems.push(`${path}: the last line (line ${count(breaks + 1)}) does not end with a line break`);
  }
  // One decode for the whole file: "\n" is never inside a UTF-8 sequence, so the n-th "\n" of the text is the n-th
  // "\n" byte, and each line's text is cut where its bytes are, without an array of either. A file that is not
  // UTF-8 is decoded line by line, to name the lines that are not.
  let whole: string | null;
  try {
    whole = decoder.decode(bytes);
  } catch {
    whole = null;
  }
  const where = (i: number) => `${path} line ${count(i + 1)}`;
  const out: Leaf[] = [];
  let at = 0;
  let textAt = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, at)) {
    const raw = bytes.subarray(at, end);
    at = end + 1;
    let text: string | null;
    if (whole !== null) {
      const textEnd = whole.indexOf('\n', textAt);
      text = whole.slice(textAt, textEnd);
      textAt = textEnd + 1;
    } else text = lineText(raw);
    out.push(readLeaf(out.length, raw, text, where, sink));
  }
  return out;
}

function lineText(raw: Uint8Array): string | null {
  try {
    return decoder.decode(raw);
  } catch {
    return null;
  }
}

/** For a line of exactly the eleven keys of a leaf, in canonical order (LEAF_KEYS): the quick checks rely on it. */
function hasLeafKeys(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  let i = 0;
  // for…in rather than Object.keys: no array per line. It also lists inherited keys, which only makes it false.
  for (const key in value) if (key !== LEAF_KEY_LIST[i++]) return false;
  return i === LEAF_KEY_LIST.length;
}

/** Line i + 1 of the log: its leaf hash (of its bytes as they are), and its change if it is one, as the server wrote it. */
function readLeaf(i: number, raw: Uint8Array, text: string | null, where: (i: number) => string, sink: Sink): Leaf {
  const leaf: Leaf = { line: i + 1, change: null, hash: leafHash(raw) };
  let value: unknown;
  try {
    if (text === null) throw new Error('not UTF-8');
    value = JSON.parse(text);
  } catch {
    sink.problems.push(`${where(i)} is not a logged change (not valid JSON text): the log was damaged or edited`);
    return leaf;
  }
  const leafKeys = hasLeafKeys(value);
  let change = quickChange(value, leafKeys);
  if (!change) {
    const checked = LoggedChange.safeParse(value);
    if (!checked.success) {
      sink.problems.push(`${where(i)} is not a logged change: ${issue(checked.error)}`);
      return leaf;
    }
    change = checked.data;
  }
  let canonical: boolean;
  try {
    canonical = canonicalLeaf(value, change, text, leafKeys);
  } catch {
    // Nested deeper than the checks can follow: no change Docket writes looks like that.
    sink.problems.push(`${where(i)} (change ${count(change.seq)}) is nested too deeply to be a change Docket wrote`);
    return leaf;
  }
  leaf.change = change;
  if (!canonical)
    sink.problems.push(
      `${where(i)} (change ${count(change.seq)}) is not in the exact form the server hashed: the line was edited`,
    );
  return leaf;
}

function readCheckpoints(files: PackFiles, sink: Sink): SignedCheckpoint[] | null {
  const path = PACK_FILES.checkpoints;
  if (!files.has(path)) {
    sink.problems.push(`${path} is missing: this client is shared, so its pack must carry the signed checkpoints`);
    return null;
  }
  const file = json(files, path, sink);
  if (!file) return [];
  if (!Array.isArray(file.value)) {
    sink.problems.push(`${path} is not in the form Docket writes: it must be a list of checkpoints`);
    return [];
  }
  const out: SignedCheckpoint[] = [];
  file.value.forEach((value, i) => {
    const cp = SignedCheckpoint.safeParse(value);
    if (cp.success) out.push(cp.data);
    else sink.problems.push(`${path}: checkpoint ${i + 1} in the list is not a signed checkpoint: ${issue(cp.error)}`);
  });
  return out;
}

const IMAGE_NAME = new RegExp(`^([0-9a-f]{64})\\.(${IMAGE_EXTENSIONS.join('|')})$`);

function readImages(files: PackFiles, sink: Sink): Map<string, ImageFile> {
  const images = new Map<string, ImageFile>();
  for (const [path, bytes] of files) {
    if (!path.startsWith(EVIDENCE_DIR)) continue;
    const name = path.slice(EVIDENCE_DIR.length);
    if (name.startsWith('.') || name.includes('/')) continue; // .DS_Store and the like
    const match = IMAGE_NAME.exec(name);
    if (!match) {
      sink.problems.push(`${path} is not named by its SHA-256 (<64 hex digits>.png, .jpg, .gif, .webp or .avif)`);
      continue;
    }
    const file = { path, sha256: match[1]!, bytesSha256: sha256Hex(bytes) };
    if (file.bytesSha256 !== file.sha256)
      sink.problems.push(
        `${path}: the image's bytes do not match its name (their SHA-256 is ${short(file.bytesSha256)}): the image was altered`,
      );
    images.set(file.sha256, file);
  }
  const good = [...images.values()].filter((f) => f.bytesSha256 === f.sha256).length;
  if (good)
    sink.log.push(`${EVIDENCE_DIR}: ${plural(good, 'image file')}, each one's bytes match the SHA-256 it is named by`);
  return images;
}

/** Reads and checks the form of every ledger file; null when the pack cannot be read at all (no pack.json). */
export function readPack(files: PackFiles, sink: Sink): PackContents | null {
  const manifestFile = json(files, PACK_FILES.manifest, sink);
  if (!manifestFile) {
    if (!files.has(PACK_FILES.manifest))
      sink.problems.push(`${PACK_FILES.manifest} is missing: this is not a Docket ledger pack (or not its top folder)`);
    return null;
  }
  const manifest = parsed(PackManifest, manifestFile.value, PACK_FILES.manifest, sink);
  if (!manifest) return null;
  const keysFile = json(files, PACK_FILES.keys, sink);
  if (!keysFile && !files.has(PACK_FILES.keys)) sink.problems.push(`${PACK_FILES.keys} is missing`);
  const keys = keysFile ? parsed(PackKeys, keysFile.value, PACK_FILES.keys, sink) : null;
  const shared = manifest.space !== null;
  const records = readRecords(files, shared, sink);
  return {
    manifest,
    keys,
    records,
    leaves: shared ? readLeaves(files, sink) : null,
    checkpoints: shared ? readCheckpoints(files, sink) : null,
    images: readImages(files, sink),
  };
}

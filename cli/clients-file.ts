/**
 * `npm run clip --clients FILE`: the clients (with their vendors and meetings) the capture form would offer. The file
 * is one of
 *  - a client log, as the extension's "Export client log" writes it (read by the import's own parser);
 *  - a JSON array of such logs, one per client;
 *  - a registry: `{ clients: [{ id, name, domains }], vendors: [{ id, clientId, name, domains }] }`, as in
 *    test/fixtures/hints-corpus/registry.json, where every other field takes a default (see clientsFromRegistry).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Client, type Meeting, Vendor } from '../shared/domain';
import { CLIENT_LOG_FORMAT } from '../shared/export/client-log';
import { capped, formatPath, parseClientLog } from '../shared/export/client-log-parse';

export interface ClientRecords {
  clients: Client[];
  vendors: Vendor[];
  meetings: Meeting[];
}

/** A --clients file that cannot be used; `problems` are one sentence each, with the path of the bad field. */
export class ClientsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

const at = '2026-01-05T09:00:00.000Z';

/** What a registry client lacks, as a monthly client in Toronto (the fields bear on the next meeting, not on hints). */
export const REGISTRY_CLIENT_DEFAULTS = {
  cadence: 'monthly',
  weekday: 2,
  time: '10:00',
  timeZone: 'America/Toronto',
  weekOfMonth: 1,
  anchorDate: '2026-01-06',
  meetingMinutes: 60,
  fiscalYearStart: 1,
  createdAt: at,
  updatedAt: at,
} as const;

export const REGISTRY_VENDOR_DEFAULTS = { role: 'saas', contacts: [], createdAt: at, updatedAt: at } as const;

const RegistryShape = z.object({
  clients: z.array(z.looseObject({})),
  vendors: z.array(z.looseObject({})).default([]),
});

/** `clients[1].name: is missing (expected string)`, as the client log import words it. */
function issues(error: z.ZodError, prefix: (string | number)[], data: unknown): string[] {
  return error.issues.map((i) => {
    const value = i.path.reduce<unknown>((v, p) => (v as Record<PropertyKey, unknown> | null)?.[p], data);
    const missing = i.code === 'invalid_type' && value === undefined;
    const where = formatPath([...prefix, ...i.path]);
    const message = missing ? `is missing (expected ${i.expected})` : i.message;
    return where ? `${where}: ${message}` : message;
  });
}

/**
 * Full Client and Vendor records from a registry's few fields (`{ clients: [{id, name, domains}], vendors:
 * [{id, clientId, name, domains}] }`); a field the registry does give (a timeZone, a cadence…) wins over the default.
 * Throws a ClientsFileError (file "registry") listing every problem.
 */
export function clientsFromRegistry(registry: unknown, file = 'registry'): ClientRecords {
  const shape = RegistryShape.safeParse(registry);
  if (!shape.success) {
    throw new ClientsFileError(file, [
      'not a client log, a list of client logs, or a registry ({ "clients": [...], "vendors": [...] })',
      ...capped(issues(shape.error, [], registry)),
    ]);
  }
  const problems: string[] = [];
  const clients: Client[] = [];
  const vendors: Vendor[] = [];
  shape.data.clients.forEach((raw, i) => {
    const parsed = Client.safeParse({ ...REGISTRY_CLIENT_DEFAULTS, ...raw });
    if (parsed.success) clients.push(parsed.data);
    else problems.push(...issues(parsed.error, ['clients', i], raw));
  });
  shape.data.vendors.forEach((raw, i) => {
    const parsed = Vendor.safeParse({ ...REGISTRY_VENDOR_DEFAULTS, ...raw });
    if (!parsed.success) problems.push(...issues(parsed.error, ['vendors', i], raw));
    else if (!shape.data.clients.some((c) => c.id === parsed.data.clientId)) {
      problems.push(`vendors[${i}].clientId: no client has the id ${JSON.stringify(parsed.data.clientId)}`);
    } else vendors.push(parsed.data);
  });
  problems.push(...duplicates(clients, 'client'), ...duplicates(vendors, 'vendor'));
  if (problems.length > 0) throw new ClientsFileError(file, capped(problems));
  return { clients, vendors, meetings: [] };
}

function duplicates(records: Array<{ id: string }>, what: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of records) (seen.has(r.id) ? twice : seen).add(r.id);
  return [...twice].map((id) => `two ${what}s have the id ${JSON.stringify(id)}`);
}

const isLog = (data: unknown) =>
  data !== null && typeof data === 'object' && (data as { format?: unknown }).format === CLIENT_LOG_FORMAT;

/** One client log, or an array of them, through the client log import's parser. */
function clientsFromLogs(data: unknown, file: string): ClientRecords {
  const logs = Array.isArray(data) ? data : [data];
  const out: ClientRecords = { clients: [], vendors: [], meetings: [] };
  const problems: string[] = [];
  logs.forEach((entry, i) => {
    const where = Array.isArray(data) ? `[${i}]` : '';
    // The import's own parser, fed the entry as the text it reads: one reader of client logs, not two.
    const result = parseClientLog(JSON.stringify(entry) ?? 'undefined');
    if (!result.ok) {
      problems.push(...result.errors.map((e) => (where ? `${where} ${e}` : e)));
      return;
    }
    out.clients.push(result.log.client);
    out.vendors.push(...result.log.vendors);
    out.meetings.push(...result.log.meetings);
  });
  problems.push(...duplicates(out.clients, 'client'));
  if (problems.length > 0) throw new ClientsFileError(file, capped(problems));
  return out;
}

/** Reads a --clients file; every problem (missing, not JSON, wrong shape) is a ClientsFileError naming the file. */
export async function readClientsFile(file: string): Promise<ClientRecords> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    throw new ClientsFileError(file, [why]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ClientsFileError(file, [`not JSON (${(error as Error).message})`]);
  }
  if (Array.isArray(data) && data.length === 0) throw new ClientsFileError(file, ['an empty list: no clients']);
  if (isLog(data) || (Array.isArray(data) && data.some(isLog))) return clientsFromLogs(data, file);
  return clientsFromRegistry(data, file);
}

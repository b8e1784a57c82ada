import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ClientsFileError,
  clientsFromRegistry,
  readClientsFile,
  REGISTRY_CLIENT_DEFAULTS,
} from '../../../cli/clients-file';
import { Client, Vendor } from '../../../shared/domain';
import { exportClientLog } from '../../../shared/export';
import { client, harbor, log, maple, NOW, planned } from '../export/fixture';

const registryPath = resolve(import.meta.dirname, '../../fixtures/hints-corpus/registry.json');

let dir: string;
const write = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docket-clients-'));
});

/** The problems a --clients file gets refused with; fails the test if it is accepted. */
async function problemsOf(path: string): Promise<string[]> {
  try {
    await readClientsFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ClientsFileError);
    expect((error as ClientsFileError).file).toBe(path);
    return (error as ClientsFileError).problems;
  }
  throw new Error(`${path} was accepted`);
}

const other = { ...client, id: 'c-other', name: 'Other Clinic', domains: ['otherclinic.ca'] };
const otherLog = {
  ...log,
  client: other,
  meetings: [],
  vendors: [],
  contracts: [],
  items: [],
  captures: [],
  history: [],
};

describe('readClientsFile', () => {
  it('reads a client log as the extension exports it: its client, vendors and meetings', async () => {
    const path = await write('northwind.json', exportClientLog(log, NOW));
    const records = await readClientsFile(path);
    expect(records.clients).toEqual([client]);
    expect(records.vendors.map((v) => v.id).sort()).toEqual([harbor.id, maple.id].sort());
    expect(records.meetings.map((m) => m.id)).toContain(planned.id);
  });

  it('reads a JSON array of client logs, one client each', async () => {
    const logs = [exportClientLog(log, NOW), exportClientLog(otherLog, NOW)].map((t) => JSON.parse(t) as unknown);
    const records = await readClientsFile(await write('two.json', JSON.stringify(logs)));
    expect(records.clients.map((c) => c.name)).toEqual(['Northwind Dental', 'Other Clinic']);
    expect(records.vendors).toHaveLength(2);
  });

  it('reads the corpus registry into full client and vendor records', async () => {
    const records = await readClientsFile(registryPath);
    const registry = JSON.parse(await readFile(registryPath, 'utf8')) as { clients: unknown[]; vendors: unknown[] };
    expect(records.clients).toHaveLength(registry.clients.length);
    expect(records.vendors).toHaveLength(registry.vendors.length);
    for (const c of records.clients) expect(Client.safeParse(c).success).toBe(true);
    for (const v of records.vendors) expect(Vendor.safeParse(v).success).toBe(true);
    expect(records.clients[0]).toEqual({
      ...REGISTRY_CLIENT_DEFAULTS,
      id: 'c-maple',
      name: 'Maple Ridge Dental Group',
      domains: ['mapleridgedental.ca'],
    });
    expect(records.meetings).toEqual([]);
  });

  it('refuses a missing file, a folder and a file that is not JSON, naming the file', async () => {
    expect(await problemsOf(join(dir, 'nowhere.json'))).toEqual(['no such file']);
    expect(await problemsOf(dir)).toEqual(['is a folder']);
    const [notJson] = await problemsOf(await write('bad.json', '{ "clients": ['));
    expect(notJson).toMatch(/^not JSON \(/);
  });

  it('refuses a file of another shape, saying which shapes it takes', async () => {
    for (const text of ['{"customers": []}', '[]', '[{"clients": []}]', '"clients"']) {
      const [first] = await problemsOf(await write('shape.json', text));
      expect(first, text).toMatch(/^(not a client log, a list of client logs, or a registry|an empty list)/);
    }
  });

  it('refuses a client log the import would refuse, with the import parser’s words', async () => {
    const broken = { ...(JSON.parse(exportClientLog(log, NOW)) as object), client: { ...client, name: '' } };
    expect(await problemsOf(await write('broken.json', JSON.stringify(broken)))).toEqual([
      'client.name: a client needs a name',
    ]);
    const mixed = [JSON.parse(exportClientLog(log, NOW)), { format: 'something' }];
    const [problem] = await problemsOf(await write('mixed.json', JSON.stringify(mixed)));
    expect(problem).toMatch(/^\[1\] This is not a Docket client log/);
    const twice = [exportClientLog(log, NOW), exportClientLog(log, NOW)].map((t) => JSON.parse(t) as unknown);
    expect(await problemsOf(await write('twice.json', JSON.stringify(twice)))).toEqual([
      `two clients have the id "${client.id}"`,
    ]);
  });
});

describe('clientsFromRegistry', () => {
  it('lets a registry give fields of its own over the defaults', () => {
    const { clients, vendors } = clientsFromRegistry({
      clients: [{ id: 'c-1', name: 'Acme', domains: ['Acme.COM'], timeZone: 'America/Vancouver' }],
      vendors: [{ id: 'v-1', clientId: 'c-1', name: 'Bell', domains: ['bell.ca'], role: 'telecom' }],
    });
    expect(clients[0]).toMatchObject({ timeZone: 'America/Vancouver', domains: ['acme.com'], cadence: 'monthly' });
    expect(vendors[0]).toMatchObject({ role: 'telecom', contacts: [] });
  });

  it('names every bad field with its path', () => {
    const problems = (registry: unknown) => {
      try {
        clientsFromRegistry(registry, 'r.json');
      } catch (error) {
        expect((error as ClientsFileError).message).toMatch(/^r\.json: /);
        return (error as ClientsFileError).problems;
      }
      throw new Error('accepted');
    };
    expect(
      problems({
        clients: [{ id: 'c-1', name: 'Acme', domains: ['not a domain'] }, { id: 'c-2' }],
        vendors: [{ id: 'v-1', clientId: 'c-9', name: 'Bell' }],
      }),
    ).toEqual([
      'clients[0].domains[0]: not a domain name',
      'clients[1].name: is missing (expected string)',
      'vendors[0].clientId: no client has the id "c-9"',
    ]);
    expect(problems({ clients: 'none' })[1]).toBe('clients: Invalid input: expected array, received string');
    expect(problems({})[1]).toBe('clients: is missing (expected array)');
    expect(problems([])[1]).toBe('Invalid input: expected object, received array');
  });
});

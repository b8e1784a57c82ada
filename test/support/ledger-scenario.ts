/**
 * Acme Dental's governance in a ledger pack: October's meeting (one item) sealed and left alone; November's (three
 * items, evidence with an image) sealed by Julie Côté, then amended by Bob Lee (a decision changed, evidence added).
 * Shared (a space's signed log) or not (records and seals only).
 */
import type { Capture, Item, Meeting } from '../../shared/domain';
import {
  BOB,
  JULIE,
  LedgerBuilder,
  capture,
  client,
  decision,
  deviceRecord,
  held,
  item,
  meeting,
  newKey,
  packOf,
  sealed,
  type BuiltPack,
  type Key,
} from './ledger-pack';

export const IDS = {
  oct: `${client.id}@2026-10-13`,
  nov: `${client.id}@2026-11-10`,
  backup: '0192b000-0000-7000-8000-000000000010',
  fortinet: '0192b000-0000-7000-8000-000000000011',
  m365: '0192b000-0000-7000-8000-000000000012',
  phishing: '0192b000-0000-7000-8000-000000000013',
  backupPage: '0192c000-0000-7000-8000-000000000020',
  quote: '0192c000-0000-7000-8000-000000000021',
  m365Mail: '0192c000-0000-7000-8000-000000000022',
  phishingPage: '0192c000-0000-7000-8000-000000000023',
  revised: '0192c000-0000-7000-8000-000000000024',
};

export const DECIDED = 'Renew the FortiGate 60F with Harbor IT for 3 years.';
export const AMENDED = 'Renew the FortiGate 60F with Harbor IT for 1 year only.';
export const AMENDED_AT = '2026-12-05T10:02:00.000Z';

export type Scenario = BuiltPack & {
  ledger: LedgerBuilder;
  keys: { server: Key | null; julie: Key; bob: Key };
  /** seq of each meeting's seal change, of the decision's amendment and of the added evidence's itemId. */
  seq: { octSeal: number; novSeal: number; amendDecision: number; addEvidence: number };
};

/** The story, written through a LedgerBuilder (for an unshared client the builder just keeps the records). */
export async function acmeScenario(shared = true): Promise<Scenario> {
  const keys = { server: shared ? await newKey() : null, julie: await newKey(), bob: await newKey() };
  const ledger = new LedgerBuilder(shared ? 'space-acme-dental' : null, keys.server);
  const seq = { octSeal: 0, novSeal: 0, amendDecision: 0, addEvidence: 0 };
  const at = (changes: { seq: number; field: string }[], field: string) => changes.find((c) => c.field === field)!.seq;

  ledger.write('clients', client, JULIE, '2026-10-01T13:00:00.000Z');
  const julieDevice = deviceRecord(keys.julie, 'Chrome on Linux', '2026-10-01T13:01:00.000Z');
  const bobDevice = deviceRecord(keys.bob, 'Firefox on Windows', '2026-10-01T13:05:00.000Z');
  ledger.write('devices', julieDevice, JULIE, '2026-10-01T13:01:00.000Z');
  if (shared) ledger.write('devices', bobDevice, BOB, '2026-10-01T13:05:00.000Z');
  if (shared) await ledger.checkpoint('2026-10-01T13:06:00.000Z', [keys.julie]);

  // October: one item, one page of evidence; held and sealed.
  const oct = meeting(IDS.oct, '2026-10-13T14:00:00.000Z', 'October governance review');
  ledger.write('meetings', oct, JULIE, '2026-10-01T13:10:00.000Z');
  const backup = item(IDS.backup, IDS.oct, 'Backup retention policy', '2026-10-05T15:00:00.000Z', {
    section: 'project-review',
    kind: 'proposal',
  });
  ledger.write('items', backup, JULIE, '2026-10-05T15:00:00.000Z');
  const backupPage = capture(IDS.backupPage, IDS.backup, 'Retention options — Harbor IT', '2026-10-05T15:01:00.000Z');
  ledger.write('captures', backupPage, JULIE, '2026-10-05T15:01:00.000Z');
  const octHeld = held(oct, [backup], '2026-10-13T15:20:00.000Z');
  ledger.write('meetings', octHeld, JULIE, '2026-10-13T15:20:00.000Z');
  const octSeal = await sealed(
    octHeld,
    [backup],
    [backupPage],
    '2026-10-13T15:24:00.000Z',
    shared ? JULIE : null,
    keys.julie,
  );
  seq.octSeal = at(
    ledger.write(
      'meetings',
      { ...octHeld, seal: octSeal, updatedAt: '2026-10-13T15:24:00.000Z' },
      JULIE,
      '2026-10-13T15:24:00.000Z',
    ),
    'seal',
  );
  if (shared) await ledger.checkpoint('2026-10-13T15:25:00.000Z', [keys.julie]);

  // November: three items, a quote with an image, an e-mail, a page; the Fortinet renewal decided.
  const nov = meeting(IDS.nov, '2026-11-10T15:00:00.000Z', 'November governance review');
  ledger.write('meetings', nov, JULIE, '2026-10-14T13:00:00.000Z');
  const fortinet = item(IDS.fortinet, IDS.nov, 'Renew Fortinet', '2026-10-20T15:00:00.000Z');
  const m365 = item(IDS.m365, IDS.nov, 'Microsoft 365 licence true-up', '2026-10-21T15:00:00.000Z', {
    section: 'vendor-follow-up',
    kind: 'renewal',
  });
  const phishing = item(IDS.phishing, IDS.nov, 'Phishing training vendor', '2026-10-22T15:00:00.000Z', {
    section: 'urgent',
    kind: 'proposal',
    urgent: true,
  });
  for (const i of [fortinet, m365, phishing]) ledger.write('items', i, JULIE, i.createdAt);
  const novCaptures: Capture[] = [
    capture(IDS.quote, IDS.fortinet, 'Quote Q-2026-1042', '2026-10-20T15:01:00.000Z', true),
    { ...capture(IDS.m365Mail, IDS.m365, 'Your Microsoft 365 renewal', '2026-10-21T15:01:00.000Z'), kind: 'email' },
    capture(IDS.phishingPage, IDS.phishing, 'Phishing awareness — plans', '2026-10-22T15:01:00.000Z'),
  ];
  for (const c of novCaptures) ledger.write('captures', c, JULIE, c.capturedAt);
  if (shared) await ledger.checkpoint('2026-10-22T15:02:00.000Z', [keys.julie, keys.bob]);

  const decided: Item = {
    ...fortinet,
    status: 'decided',
    discussed: true,
    decision: decision(DECIDED),
    updatedAt: '2026-11-10T16:00:00.000Z',
  };
  ledger.write('items', decided, JULIE, '2026-11-10T16:00:00.000Z');
  const novItems = [decided, m365, phishing];
  const novHeld: Meeting = held(nov, novItems, '2026-11-10T16:20:00.000Z');
  ledger.write('meetings', novHeld, JULIE, '2026-11-10T16:20:00.000Z');
  const novSeal = await sealed(
    novHeld,
    novItems,
    novCaptures,
    '2026-11-10T16:24:00.000Z',
    shared ? JULIE : null,
    keys.julie,
  );
  seq.novSeal = at(
    ledger.write(
      'meetings',
      { ...novHeld, seal: novSeal, updatedAt: '2026-11-10T16:24:00.000Z' },
      JULIE,
      '2026-11-10T16:24:00.000Z',
    ),
    'seal',
  );
  if (shared) await ledger.checkpoint('2026-11-10T16:25:00.000Z', [keys.julie]);

  // After sealing: Bob changes the decision and adds evidence to the phishing item.
  const amended: Item = { ...decided, decision: decision(AMENDED), updatedAt: AMENDED_AT };
  const by = shared ? BOB : JULIE;
  seq.amendDecision = at(ledger.write('items', amended, by, AMENDED_AT), 'decision');
  const revised = capture(
    IDS.revised,
    IDS.phishing,
    'Revised proposal — phishing training',
    '2026-12-05T10:10:00.000Z',
  );
  seq.addEvidence = at(ledger.write('captures', revised, by, '2026-12-05T10:10:00.000Z'), 'itemId');
  if (shared) await ledger.checkpoint('2026-12-05T10:11:00.000Z', [keys.bob]);

  const records = {
    meetings: ledger.all('meetings'),
    items: ledger.all('items'),
    captures: ledger.all('captures'),
  };
  const devices = shared ? [julieDevice, bobDevice] : [julieDevice];
  return { ...packOf(ledger, devices, records), ledger, keys, seq };
}

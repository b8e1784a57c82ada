/**
 * The ledger pack of a large shared client, written the way the server logs it (every field of every record a
 * change, as a replica pushes it): `items` items over meetings of 200, one capture for every second item (about
 * 1,000 characters of Markdown), every held meeting sealed by Julie's device, a checkpoint per 1,000 changes signed
 * by the server and co-signed by the device, and a few amendments after the seals.
 */
import type { Capture, Item } from '../../../shared/domain';
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
} from '../../../test/support/ledger-pack';

const PER_MEETING = 200;
const CHECKPOINT_EVERY = 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const id = (kind: number, n: number) => `0193${kind}000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const FILLER =
  'The vendor proposes a three-year renewal with a price hold in year one and an index-linked increase after. ' +
  'Support hours move from business hours to 24/7 for priority one incidents; the service credits are unchanged. ';

export type BigPack = BuiltPack & { items: number; leaves: number; checkpoints: number; meetings: number };

export async function bigPack(items: number): Promise<BigPack> {
  const server = await newKey();
  const julie = await newKey();
  const ledger = new LedgerBuilder('space-big-client', server);
  let now = Date.parse('2025-01-06T14:00:00.000Z');
  let signedAt = 0;
  const tick = (ms = 60_000) => iso((now += ms));
  const maybeCheckpoint = async () => {
    if (ledger.changes.length - signedAt < CHECKPOINT_EVERY) return;
    signedAt = ledger.changes.length;
    await ledger.checkpoint(tick(1000), [julie]);
  };

  ledger.write('clients', client, JULIE, tick());
  const device = deviceRecord(julie, 'Chrome on Linux', tick());
  ledger.write('devices', device, JULIE, iso(now));
  const meetings = Math.ceil(items / PER_MEETING);
  let n = 0;
  for (let m = 0; m < meetings; m++) {
    const startsAt = iso(Date.parse('2025-01-14T15:00:00.000Z') + m * 7 * 86_400_000);
    const mt = meeting(id(1, m), startsAt, `Governance review ${m + 1}`);
    ledger.write('meetings', mt, JULIE, tick());
    const onIt: Item[] = [];
    const evidence: Capture[] = [];
    for (let i = 0; i < PER_MEETING && n < items; i++, n++) {
      const at = tick();
      const it = item(id(2, n), mt.id, `Vendor renewal ${n + 1}`, at, {
        notes: `Item ${n + 1}: ${FILLER.slice(0, 120)}`,
        ...(n % 4 === 0 && { status: 'decided' as const, decision: decision(`Decision ${n + 1}: renew for 3 years.`) }),
      });
      ledger.write('items', it, JULIE, at);
      onIt.push(it);
      if (n % 2 === 0) {
        const c = { ...capture(id(3, n), it.id, `Proposal for renewal ${n + 1}`, tick()), markdown: FILLER.repeat(5) };
        ledger.write('captures', c, JULIE, c.capturedAt);
        evidence.push(c);
      }
      await maybeCheckpoint();
    }
    const heldAt = tick();
    const h = held(mt, onIt, heldAt);
    ledger.write('meetings', h, JULIE, heldAt);
    const sealedAt = tick();
    const seal = await sealed(h, onIt, evidence, sealedAt, JULIE, julie);
    ledger.write('meetings', { ...h, seal, updatedAt: sealedAt }, JULIE, sealedAt);
    // A few amendments after the seal, by Bob.
    const amended = onIt[0]!;
    ledger.write('items', { ...amended, notes: `${amended.notes} Amended after the meeting.` }, BOB, tick());
    await maybeCheckpoint();
  }
  await ledger.checkpoint(tick(1000), [julie]);
  const pack = packOf(ledger, [device], {
    meetings: ledger.all('meetings'),
    items: ledger.all('items'),
    captures: ledger.all('captures'),
  });
  return { ...pack, items, leaves: ledger.changes.length, checkpoints: ledger.checkpoints.length, meetings };
}

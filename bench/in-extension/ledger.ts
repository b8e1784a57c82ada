// Runs inside the bench page of the benchmark build; the driver calls it through page.evaluate. Sealing a meeting
// with the product's code (extension/ledger/seal-meeting.ts) on the extension's own IndexedDB and WebCrypto.
import { deviceKey } from '../../extension/ledger/device-key';
import { sealMeeting } from '../../extension/ledger/seal-meeting';
import { openDb, type DocketDB } from '../../extension/store/db';
import { validate } from '../../extension/store/errors';
import { holdMeeting } from '../../extension/store/hold-meeting';
import { storedImage } from '../../extension/store/images';
import type { MeetingRef } from '../../extension/store/meetings';
import { type Capture, type Item, Meeting as MeetingSchema } from '../../shared/domain';
import { buildSeal, recordHash, signSeal } from '../../shared/ledger/seal';
import { sha256Hex } from '../../shared/ledger/sha256';
import { itemsOnMeeting } from '../../shared/rules';
import { generateLog, type Log } from '../data/log';
import { prng } from '../data/prng';
import { wipe } from './log';

/** Answers the driver's "is the page wired" check. */
export function ready(): string {
  return 'ledger';
}

const ACTOR = 'Julie Côté';

/** A settled item's record, as a board paper has it. */
const decision = (n: number): NonNullable<Item['decision']> => ({
  context: `Item ${n}: the support contract ends in March; the vendor proposes a three-year renewal.`,
  options: [],
  recommendation: 'Renew for three years with the price hold.',
  decision: `Renew for three years (item ${n}).`,
  rationale: 'Cheapest option that keeps priority-one support around the clock.',
  decidedBy: { name: 'Dr. Amelia Chen', role: 'Managing partner' },
  decidedOn: '2026-11-10',
  status: 'accepted',
  supersedes: null,
  supersededBy: null,
  nist: ['protect'],
  cobit: ['BAI'],
});

/** A few kB of "image" (its bytes are not read by a seal: only its SHA-256, from the capture). */
function imageBytes(seed: number, size: number): Uint8Array {
  const rand = prng(seed);
  return Uint8Array.from({ length: size }, () => Math.floor(rand() * 256));
}

/**
 * One client whose next meeting holds `items` items, each discussed (a quarter decided, with a decision record)
 * and each with one capture of a vendor page (`captureChars` of Markdown on average, ±50 %); one capture in four
 * keeps an image (its entry in the capture, its bytes in the images table). Ids start with `prefix`, so a twin
 * seeded with another prefix is the same data under other ids.
 */
function meetingLog(items: number, captureChars: number, prefix: string, now: Date): Log {
  const log = generateLog({ items, clients: 1, captureChars, agendaItems: items, now, seed: 16 });
  const twin = JSON.parse(JSON.stringify(log).replaceAll('0194a000-', `${prefix}-`)) as Log;
  twin.clients[0]!.name = `${twin.clients[0]!.name} (${prefix})`;
  twin.items.forEach((item, n) => {
    item.discussed = true;
    if (n % 4 === 0) Object.assign(item, { status: 'decided', decision: decision(n + 1) });
  });
  return twin;
}

async function withImages(captures: Capture[]): Promise<{ captures: Capture[]; images: number }> {
  let images = 0;
  const out = await Promise.all(
    captures.map(async (capture, n) => {
      if (n % 4 !== 1) return capture;
      const bytes = imageBytes(n, 4096 + (n % 7) * 1024);
      const sha256 = sha256Hex(bytes);
      const src = `https://${capture.source.site}/assets/diagram-${n}.png`;
      await openDb().images.put(storedImage({ sha256, type: 'image/png' }, bytes));
      images += 1;
      return {
        ...capture,
        markdown: `${capture.markdown}\n\n![Service diagram ${n}](${src})\n`,
        images: [
          {
            sha256,
            type: 'image/png' as const,
            size: bytes.length,
            width: 640,
            height: 480,
            alt: '',
            src,
            screenshot: false,
          },
        ],
      };
    }),
  );
  return { captures: out, images };
}

export interface SealSeeded {
  clientId: string;
  ref: MeetingRef;
}

async function seedMeeting(db: DocketDB, log: Log): Promise<SealSeeded & { images: number; markdown: number }> {
  const { captures, images } = await withImages(log.captures);
  await db.transaction('rw', [db.clients, db.vendors, db.meetings, db.items, db.captures], async () => {
    await db.clients.bulkPut(log.clients);
    await db.vendors.bulkPut(log.vendors);
    await db.meetings.bulkPut(log.meetings);
    await db.items.bulkPut(log.items);
    await db.captures.bulkPut(captures);
  });
  const planned = log.meetings.find((m) => m.status === 'planned')!;
  return {
    clientId: log.clients[0]!.id,
    ref: { id: planned.id, startsAt: planned.startsAt, fromCadence: planned.fromCadence },
    images,
    markdown: captures.reduce((sum, c) => sum + c.markdown.length, 0),
  };
}

export interface SealRuns {
  /** sealMeeting, ms per run. */
  seal: number[];
  /** holdMeeting on the twin, ms per run. */
  hold: number[];
  /** The seal's parts, timed apart on the held twin (ms per run): read in one transaction, hashes, signature, one
   *  "nothing changed" fingerprint (sealMeeting takes two: of what it read, and in its write transaction), and the
   *  sealed meeting's validation (its versions of every record). */
  parts: { read: number[]; hash: number[]; sign: number[]; check: number[]; validate: number[] };
  records: number;
  evidence: number;
  images: number;
  /** Mean characters of Markdown per capture. */
  markdown: number;
}

/**
 * Each run: wipes the database, seeds a client whose next meeting holds `items` items with their captures and an
 * identical twin client, makes this browser's key (untimed: a browser makes it once, on its first seal), then
 * times `sealMeeting` on one and `holdMeeting` ("mark held", no seal) on the twin, in alternating order. Checks that
 * every item and capture was sealed and that nothing was carried on.
 */
export async function seal(opts: { items: number; captureChars: number; runs: number; warmup: number }) {
  const out: SealRuns = {
    seal: [],
    hold: [],
    parts: { read: [], hash: [], sign: [], check: [], validate: [] },
    records: 0,
    evidence: 0,
    images: 0,
    markdown: 0,
  };
  for (let run = 0; run < opts.warmup + opts.runs; run++) {
    const measured = run >= opts.warmup;
    await wipe();
    const db = openDb();
    const now = new Date();
    const sealed = await seedMeeting(db, meetingLog(opts.items, opts.captureChars, '0194aa00', now));
    const held = await seedMeeting(db, meetingLog(opts.items, opts.captureChars, '0194bb00', now));
    const key = await deviceKey(db);
    const actor = () => ({ by: ACTOR, at: new Date().toISOString() });

    const timeSeal = async () => {
      const start = performance.now();
      const result = await sealMeeting(db, actor(), sealed.clientId, sealed.ref);
      const ms = performance.now() - start;
      const { records, evidence } = result.meeting.seal!.statement;
      if (result.carried !== 0 || records.length !== opts.items + 1 || evidence.length !== opts.items)
        throw new Error(
          `the seal holds ${records.length} records and ${evidence.length} evidence, carried ${result.carried}`,
        );
      out.records = records.length;
      out.evidence = evidence.length;
      return ms;
    };
    const timeHold = async () => {
      const start = performance.now();
      const result = await holdMeeting(db, actor(), held.clientId, held.ref);
      const ms = performance.now() - start;
      if (result.carried !== 0 || result.meeting.heldAgenda?.length !== opts.items)
        throw new Error(`the hold carried ${result.carried} items`);
      return ms;
    };
    const [first, second] = run % 2 ? [timeHold, timeSeal] : [timeSeal, timeHold];
    const a = await first();
    const b = await second();
    if (!measured) continue;
    out.seal.push(run % 2 ? b : a);
    out.hold.push(run % 2 ? a : b);
    out.images = sealed.images;
    out.markdown = Math.round(sealed.markdown / opts.items);

    // The seal's parts, on the held twin: what sealMeeting does after holding, short of writing.
    let start = performance.now();
    const read = await db.transaction('r', [db.meetings, db.items, db.captures], async () => {
      const meeting = (await db.meetings.get(held.ref.id))!;
      const items = itemsOnMeeting(await db.items.where('meetingId').equals(meeting.id).toArray(), meeting.id);
      const captures = await db.captures
        .where('itemId')
        .anyOf(items.map((i) => i.id))
        .toArray();
      return { meeting, items, captures };
    });
    out.parts.read.push(performance.now() - start);
    start = performance.now();
    const { unsigned, versions } = buildSeal({
      ...read,
      sealedAt: actor().at,
      sealedBy: { name: ACTOR, accountId: null },
    });
    out.parts.hash.push(performance.now() - start);
    start = performance.now();
    const statement = await signSeal(unsigned, key.privateKey, key.publicKey);
    out.parts.sign.push(performance.now() - start);
    start = performance.now();
    const fingerprint = [read.meeting, ...read.items, ...read.captures].map((x) => `${x.id}:${recordHash(x)}`).join();
    out.parts.check.push(performance.now() - start);
    if (!fingerprint) throw new Error('no fingerprint');
    start = performance.now();
    validate(MeetingSchema, { ...read.meeting, seal: { statement, versions } }, 'meeting');
    out.parts.validate.push(performance.now() - start);
  }
  await wipe();
  return out;
}

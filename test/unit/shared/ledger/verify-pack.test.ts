import { zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Item, Meeting } from '../../../../shared/domain';
import { utf8 } from '../../../../shared/ledger/bytes';
import { useEd25519Backend } from '../../../../shared/ledger/ed25519';
import { PACK_FILES, leavesJsonl } from '../../../../shared/ledger/pack';
import { packRoot, unzipPack } from '../../../../shared/ledger/pack-files';
import { formatReport, verifyPack, type PackReport } from '../../../../shared/ledger/verify';
import {
  BOB,
  JULIE,
  LedgerBuilder,
  PNG_SHA,
  capture,
  deviceRecord,
  held,
  item,
  meeting,
  newKey,
  packOf,
  recordsJson,
  sealed,
} from '../../../support/ledger-pack';
import { AMENDED, DECIDED, IDS, acmeScenario, type Scenario } from '../../../support/ledger-scenario';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
type Rec = Record<string, unknown> & { id: string };
type Records = { meetings: Rec[]; items: Rec[]; captures: Rec[] };

function records(files: Map<string, Uint8Array>): Records {
  return JSON.parse(decode(files.get(PACK_FILES.records)!)) as Records;
}
/** A copy of the pack with records.json edited. */
function withRecords(s: Scenario, edit: (r: Records) => void): Map<string, Uint8Array> {
  const files = new Map(s.files);
  const r = records(files);
  edit(r);
  files.set(PACK_FILES.records, recordsJson(r).bytes);
  return files;
}
const meetingOf = (report: PackReport, id: string) => report.meetings.find((m) => m.meetingId === id)!;
const problemsMatching = (report: PackReport, re: RegExp) => report.problems.filter((p) => re.test(p));

let shared: Scenario;
let unshared: Scenario;
beforeAll(async () => {
  shared = await acmeScenario(true);
  unshared = await acmeScenario(false);
});
afterEach(() => useEd25519Backend('auto'));

describe('verifyPack on a shared client', () => {
  it('verifies the clean pack: October unchanged, November amended by Bob after Julie sealed it', async () => {
    const report = await verifyPack(shared.files);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.meetings.map((m) => [m.meetingId, m.verdict])).toEqual([
      [IDS.oct, 'unchanged'],
      [IDS.nov, 'amended'],
    ]);
    const oct = meetingOf(report, IDS.oct);
    expect(oct.lines).toContain('unchanged since sealed');
    expect(oct.lines).toContain(
      `sealed at change ${shared.seq.octSeal}; in the checkpoint of ${shared.seq.octSeal + 1} changes signed by the server and co-signed by the sealing device`,
    );
    const registered = shared.ledger.changes.find((c) => c.table === 'devices' && c.field === 'publicKey')!.seq;
    expect(oct.lines).toContain(`the sealing device was registered in the log by Julie Côté (change ${registered})`);
    const nov = meetingOf(report, IDS.nov);
    expect(nov.lines).toContain(
      `amended after sealing: item 'Renew Fortinet' (id ${IDS.fortinet}) — decision changed from '${DECIDED}' to ` +
        `'${AMENDED}' by Bob Lee, 5 Dec 2026 10:02 UTC (change ${shared.seq.amendDecision})`,
    );
    expect(nov.lines).toContain(
      `amended after sealing: evidence 'Revised proposal — phishing training' was added to item 'Phishing training ` +
        `vendor' (id ${IDS.phishing}) by Bob Lee, 5 Dec 2026 10:10 UTC (change ${shared.seq.addEvidence})`,
    );
    expect(nov.lines.filter((l) => l.startsWith('amended'))).toHaveLength(2);
    const text = formatReport(report);
    expect(text).toContain('[AMENDED] November governance review, 10 Nov 2026');
    expect(text).toContain('RESULT: everything verifies');
    expect(report.log.join('\n')).toMatch(/ledger\/records\.json: 2 meetings, 4 items and 5 pieces of evidence/);
  });

  it('verifies with the noble fallback as with WebCrypto', async () => {
    useEd25519Backend('noble');
    const report = await verifyPack(shared.files);
    expect(report.problems).toEqual([]);
    expect(report.meetings.map((m) => m.verdict)).toEqual(['unchanged', 'amended']);
  });

  it('reads the pack inside a .zip with a top folder', async () => {
    const zip = zipSync(Object.fromEntries([...shared.files].map(([p, b]) => [`acme-handoff/${p}`, b])));
    const report = await verifyPack(unzipPack(zip));
    expect(report.ok).toBe(true);
    expect(packRoot(new Map([['x\\ledger\\pack.json', new Uint8Array()]])).has('ledger/pack.json')).toBe(true);
  });

  it("verifies a meeting's evidence pack: only that meeting, its sealed items and their evidence", async () => {
    const all = records(shared.files);
    const sealedItems = new Set([IDS.fortinet, IDS.m365, IDS.phishing]);
    const files = new Map(shared.files);
    files.set(
      PACK_FILES.records,
      recordsJson({
        meetings: all.meetings.filter((m) => m.id === IDS.nov),
        items: all.items.filter((i) => sealedItems.has(i.id as string)),
        captures: all.captures.filter((c) => sealedItems.has(c.itemId as string)),
      } as never).bytes,
    );
    const manifest = JSON.parse(decode(files.get(PACK_FILES.manifest)!)) as Record<string, unknown>;
    files.set(
      PACK_FILES.manifest,
      utf8(JSON.stringify({ ...manifest, scope: { kind: 'meeting', meetingId: IDS.nov } })),
    );
    const report = await verifyPack(files);
    expect(report.problems).toEqual([]);
    expect(report.meetings.map((m) => [m.meetingId, m.verdict])).toEqual([[IDS.nov, 'amended']]);
    // The same records in a whole-client pack leave records out: named.
    files.set(PACK_FILES.manifest, shared.files.get(PACK_FILES.manifest)!);
    const whole = await verifyPack(files);
    expect(problemsMatching(whole, /records\.json lacks item 'Backup retention policy'/)).toHaveLength(1);
  });

  it('names a records.json field that does not match the log', async () => {
    const files = withRecords(shared, (r) => {
      const fortinet = r.items.find((i) => i.id === IDS.fortinet)! as Item;
      fortinet.decision = { ...fortinet.decision!, decision: DECIDED };
    });
    const report = await verifyPack(files);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.stringContaining(
        `ledger/records.json: item 'Renew Fortinet' (id ${IDS.fortinet}): field \`decision\` does not match the log`,
      ),
    );
  });

  it('names the place inside a field that does not match the log', async () => {
    const files = withRecords(shared, (r) => {
      const nov = r.meetings.find((m) => m.id === IDS.nov)! as Meeting;
      nov.heldAgenda![0]!.decision!.decision = 'Renew for 5 years.';
    });
    const report = await verifyPack(files);
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^ledger\/records\.json: meeting 'November governance review' \(id .*\): field `heldAgenda` does not match the log \(at `heldAgenda\[1\]\.decision\.decision`, ledger\/records\.json has 'Renew for 5 years\.'; the log has 'Renew the FortiGate 60F with Harbor IT for 3 years\.', change \d+ by Julie Côté, 10 Nov 2026 16:20 UTC\)$/,
      ),
      // …and the meeting's verdict: the current record says what no logged change did.
      `ledger/records.json: sealed meeting 'November governance review' of 10 Nov 2026 (id ${IDS.nov}): the meeting — ` +
        `heldAgenda[1].decision.decision changed from '${DECIDED}' to 'Renew for 5 years.', but no logged change explains it`,
    ]);
    expect(meetingOf(report, IDS.nov).verdict).toBe('fails');
  });

  it('names a record the log never made', async () => {
    const stray = capture(
      '0192c000-0000-7000-8000-000000000099',
      IDS.m365,
      'Planted quote',
      '2026-12-01T10:00:00.000Z',
    );
    const report = await verifyPack(withRecords(shared, (r) => r.captures.push(stray)));
    expect(report.problems).toContain(
      `ledger/records.json: evidence 'Planted quote' (id ${stray.id}) is not in the log: no logged change made it`,
    );
  });

  it('shows evidence deleted after sealing as removed, and names records.json still holding it', async () => {
    const s = await acmeScenario(true);
    const mail = records(s.files).captures.find((c) => c.id === IDS.m365Mail)!;
    s.ledger.remove('captures', IDS.m365Mail, BOB, '2026-12-05T11:00:00.000Z');
    await s.ledger.checkpoint('2026-12-05T11:01:00.000Z', [s.keys.bob]);
    const all = () => ({
      meetings: s.ledger.all('meetings'),
      items: s.ledger.all('items'),
      captures: s.ledger.all('captures'),
    });
    const devices = s.ledger.all('devices') as never;
    const report = await verifyPack(packOf(s.ledger, devices, all()).files);
    expect(report.problems).toEqual([]);
    expect(meetingOf(report, IDS.nov).lines).toContain(
      `amended after sealing: evidence 'Your Microsoft 365 renewal' was removed from item 'Microsoft 365 licence true-up' ` +
        `(id ${IDS.m365}) by Bob Lee, 5 Dec 2026 11:00 UTC (change ${s.ledger.changes.length})`,
    );
    const stale = packOf(s.ledger, devices, { ...all(), captures: [...all().captures, mail] });
    const named = await verifyPack(stale.files);
    expect(named.problems).toEqual([
      `ledger/records.json: evidence 'Your Microsoft 365 renewal' (id ${IDS.m365Mail}) was deleted in the log ` +
        `(change ${s.ledger.changes.length} by Bob Lee, 5 Dec 2026 11:00 UTC) but ledger/records.json still has it`,
    ]);
  });

  it('names bad JSON by file, and a pack without pack.json, without throwing', async () => {
    const files = new Map(shared.files);
    files.set(PACK_FILES.checkpoints, utf8('[{"space": '));
    const report = await verifyPack(files);
    expect(problemsMatching(report, /^ledger\/checkpoints\.json is not valid JSON/)).toHaveLength(1);
    // The seals lose their signed checkpoints.
    expect(report.meetings.map((m) => m.verdict)).toEqual(['fails', 'fails']);
    const none = await verifyPack(new Map([['README.md', utf8('hello')]]));
    expect(none.ok).toBe(false);
    expect(none.problems[0]).toMatch(/^ledger\/pack\.json is missing/);
  });

  it('says changes after the newest checkpoint are not yet covered, and fails a seal there', async () => {
    const ledger = new LedgerBuilder('space-x', await newKey());
    const julie = await newKey();
    const device = deviceRecord(julie, 'Chrome on Linux', '2026-10-01T13:01:00.000Z');
    ledger.write('devices', device, JULIE, '2026-10-01T13:01:00.000Z');
    const m = meeting(IDS.oct, '2026-10-13T14:00:00.000Z', 'October governance review');
    const i = item(IDS.backup, IDS.oct, 'Backup retention policy', '2026-10-05T15:00:00.000Z');
    ledger.write('meetings', m, JULIE, '2026-10-02T10:00:00.000Z');
    ledger.write('items', i, JULIE, '2026-10-05T15:00:00.000Z');
    await ledger.checkpoint('2026-10-05T15:01:00.000Z', [julie]);
    const size = ledger.changes.length;
    const h = held(m, [i], '2026-10-13T15:20:00.000Z');
    const seal = await sealed(h, [i], [], '2026-10-13T15:24:00.000Z', JULIE, julie);
    ledger.write('meetings', { ...h, seal }, JULIE, '2026-10-13T15:24:00.000Z');
    const pack = packOf(ledger, [device], {
      meetings: ledger.all('meetings'),
      items: ledger.all('items'),
      captures: [],
    });
    const report = await verifyPack(pack.files);
    expect(report.log).toContain(
      `changes ${size + 1}–${ledger.changes.length} are not yet covered by a signed checkpoint (the log after the newest one the device holds)`,
    );
    expect(meetingOf(report, IDS.oct).verdict).toBe('fails');
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^ledger\/checkpoints\.json: sealed meeting 'October governance review' .*: the seal \(change \d+\) is in no checkpoint signed by the server/,
      ),
    ]);
  });

  it('fails a seal whose device another account registered', async () => {
    const ledger = new LedgerBuilder('space-x', await newKey());
    const julie = await newKey();
    const device = deviceRecord(julie, 'Chrome on Linux', '2026-10-01T13:01:00.000Z');
    ledger.write('devices', device, BOB, '2026-10-01T13:01:00.000Z');
    const m = meeting(IDS.oct, '2026-10-13T14:00:00.000Z', 'October governance review');
    ledger.write('meetings', m, JULIE, '2026-10-02T10:00:00.000Z');
    const h = held(m, [], '2026-10-13T15:20:00.000Z');
    const seal = await sealed(h, [], [], '2026-10-13T15:24:00.000Z', JULIE, julie);
    ledger.write('meetings', { ...h, seal }, JULIE, '2026-10-13T15:24:00.000Z');
    await ledger.checkpoint('2026-10-13T15:25:00.000Z', [julie]);
    const pack = packOf(ledger, [device], { meetings: ledger.all('meetings'), items: [], captures: [] });
    const report = await verifyPack(pack.files);
    expect(report.meetings[0]!.verdict).toBe('fails');
    expect(report.problems).toEqual([
      expect.stringContaining(
        `the seal says Julie Côté (account ${JULIE.accountId}) sealed it, but the sealing device was registered by Bob Lee (account ${BOB.accountId})`,
      ),
    ]);
  });

  it('treats an edit logged while the meeting was being sealed as an amendment; a sealed value never logged fails', async () => {
    const ledger = new LedgerBuilder('space-x', await newKey());
    const julie = await newKey();
    const device = deviceRecord(julie, 'Chrome on Linux', '2026-10-01T13:01:00.000Z');
    ledger.write('devices', device, JULIE, '2026-10-01T13:01:00.000Z');
    const m = meeting(IDS.oct, '2026-10-13T14:00:00.000Z', 'October governance review');
    ledger.write('meetings', m, JULIE, '2026-10-02T10:00:00.000Z');
    const i = item(IDS.backup, IDS.oct, 'Backup retention policy', '2026-10-05T15:00:00.000Z');
    ledger.write('items', i, JULIE, '2026-10-05T15:00:00.000Z');
    // Bob retitles the item; Julie, who has not pulled it yet, seals the meeting with the old title.
    ledger.write('items', { ...i, title: 'Backup retention (90 days)' }, BOB, '2026-10-13T15:10:00.000Z');
    const h = held(m, [i], '2026-10-13T15:20:00.000Z');
    const stale = await sealed(h, [i], [], '2026-10-13T15:24:00.000Z', JULIE, julie);
    ledger.write('meetings', { ...h, seal: stale }, JULIE, '2026-10-13T15:24:00.000Z');
    await ledger.checkpoint('2026-10-13T15:25:00.000Z', [julie]);
    const all = () => ({ meetings: ledger.all('meetings'), items: ledger.all('items'), captures: [] });
    let report = await verifyPack(packOf(ledger, [device], all()).files);
    expect(report.problems).toEqual([]);
    expect(report.meetings[0]!.verdict).toBe('amended');
    expect(report.meetings[0]!.lines).toContainEqual(
      expect.stringMatching(
        /^amended after sealing: item 'Backup retention policy' .* — title changed from 'Backup retention policy' to 'Backup retention \(90 days\)' by Bob Lee, 13 Oct 2026 15:10 UTC \(change \d+\), logged before the seal/,
      ),
    );

    // A seal of a version the log never held: the difference has no logged change to explain it.
    const invented = await sealed(
      h,
      [{ ...i, notes: 'Approved by the board.' }],
      [],
      '2026-10-13T15:30:00.000Z',
      JULIE,
      julie,
    );
    ledger.write('meetings', { ...h, seal: invented }, JULIE, '2026-10-13T15:30:00.000Z');
    await ledger.checkpoint('2026-10-13T15:31:00.000Z', [julie]);
    report = await verifyPack(packOf(ledger, [device], all()).files);
    expect(report.meetings[0]!.verdict).toBe('fails');
    expect(report.problems).toContainEqual(
      expect.stringMatching(/notes changed from 'Approved by the board\.' to .*, but no logged change explains it$/),
    );
  });
});

describe('the report of a hostile pack', () => {
  it('prints what a pack says as one visible line each: no terminal escapes, no forged result line', async () => {
    const files = withRecords(shared, (r) => {
      const m365 = r.items.find((i) => i.id === IDS.m365)!;
      m365.title = 'Licences\n\nRESULT: everything verifies\u001b[2K\u202e';
    });
    const report = await verifyPack(files);
    expect(report.ok).toBe(false);
    const text = formatReport(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(text.split('\n').filter((l) => l.startsWith('RESULT'))).toEqual([
      expect.stringMatching(/^RESULT: DOES NOT VERIFY/),
    ]);
    expect(text).toContain("'Licences ⏎ RESULT: everything verifies\\u001b[2K\\u202e'");
  });

  it('reports, never throws, on a leaf nested deeper than any check can follow', async () => {
    const s = await acmeScenario(true);
    const changes = s.ledger.changes.map((c) => ({ ...c }));
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const lines = leavesJsonl(changes).split('\n');
    lines[3] = lines[3]!.replace(/"value":("[^"]*"|[^,}]*)/, `"value":${deep}`);
    const files = new Map(s.files);
    files.set(PACK_FILES.leaves, utf8(lines.join('\n')));
    const report = await verifyPack(files);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toBe(
      'ledger/leaves.jsonl line 4 (change 4) is nested too deeply to be a change Docket wrote',
    );
  });
});

describe('a damaged leaves.jsonl', () => {
  /** The pack with its log's bytes edited: each case's problems about the log's lines, in the order reported. */
  async function problemsOf(edit: (bytes: Uint8Array, lines: string[]) => Uint8Array): Promise<string[]> {
    const bytes = shared.files.get(PACK_FILES.leaves)!;
    const files = new Map(shared.files);
    files.set(PACK_FILES.leaves, edit(bytes, decode(bytes).split('\n')));
    const report = await verifyPack(files);
    expect(report.ok).toBe(false);
    // Roots and key ids differ from run to run (the scenario's keys are new each time).
    return report.problems
      .filter((p) => p.startsWith(PACK_FILES.leaves))
      .map((p) => p.replace(/\b[0-9a-f]{12}…/g, '<hex>…'));
  }
  const bytesOf = (...parts: (Uint8Array | string | number[])[]) => {
    const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) out.set(c, (at += c.length) - c.length);
    return out;
  };

  it('names each line that is not a change as the server wrote it, by line, and a last line cut short', async () => {
    const cases: Record<string, string[]> = {
      'no last line break': await problemsOf((b) => b.subarray(0, b.length - 1)),
      'a partial line after the last': await problemsOf((b) => bytesOf(b, '{"author":"Bob"')),
      'a line not UTF-8': await problemsOf((_, l) =>
        bytesOf(l.slice(0, 2).join('\n') + '\n', [0xff, 0xfe], '\n', l.slice(3).join('\n')),
      ),
      'a byte order mark': await problemsOf((b) => bytesOf([0xef, 0xbb, 0xbf], b)),
      'a line not JSON, an empty line, a CRLF line': await problemsOf((_, l) =>
        utf8([l[0], 'not json', '', l[1] + '\r', ...l.slice(2)].join('\n')),
      ),
      'keys out of order, a space, an extra key, an escaped letter': await problemsOf((_, l) => {
        const [first, second, third, fourth] = l.map((t) => JSON.parse(t || 'null') as Record<string, unknown>);
        const { author, ...rest } = first!;
        return utf8(
          [
            JSON.stringify({ ...rest, author }),
            JSON.stringify(second).replace(',', ', '),
            JSON.stringify({ ...third, zz: 1 }),
            JSON.stringify(fourth).replace('"author":"', '"author":"\\u0020'),
            ...l.slice(4),
          ].join('\n'),
        );
      }),
      'an empty file': await problemsOf(() => new Uint8Array(0)),
      'one line break only': await problemsOf(() => utf8('\n')),
    };
    expect(cases).toMatchInlineSnapshot(`
      {
        "a byte order mark": [
          "ledger/leaves.jsonl: the log's first 22 changes do not match the root the server signed at 22 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–22 (lines 1–22 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 74 changes do not match the root the server signed at 74 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–74 (lines 1–74 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 193 changes do not match the root the server signed at 193 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–193 (lines 1–193 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 203 changes do not match the root the server signed at 203 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–203 (lines 1–203 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 219 changes do not match the root the server signed at 219 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–219 (lines 1–219 of ledger/leaves.jsonl)",
        ],
        "a line not JSON, an empty line, a CRLF line": [
          "ledger/leaves.jsonl line 2 is not a logged change (not valid JSON text): the log was damaged or edited",
          "ledger/leaves.jsonl line 3 is not a logged change (not valid JSON text): the log was damaged or edited",
          "ledger/leaves.jsonl line 4 (change 2) is not in the exact form the server hashed: the line was edited",
          "ledger/leaves.jsonl line 4 holds change 2 after change 3: the log's lines are out of order",
          "ledger/leaves.jsonl: the log's first 22 changes do not match the root the server signed at 22 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–22 (lines 1–22 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 74 changes do not match the root the server signed at 74 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–74 (lines 1–74 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 193 changes do not match the root the server signed at 193 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–193 (lines 1–193 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 203 changes do not match the root the server signed at 203 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–203 (lines 1–203 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 219 changes do not match the root the server signed at 219 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–219 (lines 1–219 of ledger/leaves.jsonl)",
        ],
        "a line not UTF-8": [
          "ledger/leaves.jsonl line 3 is not a logged change (not valid JSON text): the log was damaged or edited",
          "ledger/leaves.jsonl: the log's first 22 changes do not match the root the server signed at 22 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–22 (lines 1–22 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 74 changes do not match the root the server signed at 74 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–74 (lines 1–74 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 193 changes do not match the root the server signed at 193 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–193 (lines 1–193 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 203 changes do not match the root the server signed at 203 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–203 (lines 1–203 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 219 changes do not match the root the server signed at 219 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–219 (lines 1–219 of ledger/leaves.jsonl)",
        ],
        "a partial line after the last": [
          "ledger/leaves.jsonl: the last line (line 220) does not end with a line break",
        ],
        "an empty file": [
          "ledger/leaves.jsonl has 0 changes but ledger/checkpoints.json holds the checkpoint of 22 changes (2026-10-01T13:06:00.000Z): changes 1–22 are missing from the pack's log",
          "ledger/leaves.jsonl has 0 changes but ledger/checkpoints.json holds the checkpoint of 74 changes (2026-10-13T15:25:00.000Z): changes 1–74 are missing from the pack's log",
          "ledger/leaves.jsonl has 0 changes but ledger/checkpoints.json holds the checkpoint of 193 changes (2026-10-22T15:02:00.000Z): changes 1–193 are missing from the pack's log",
          "ledger/leaves.jsonl has 0 changes but ledger/checkpoints.json holds the checkpoint of 203 changes (2026-11-10T16:25:00.000Z): changes 1–203 are missing from the pack's log",
          "ledger/leaves.jsonl has 0 changes but ledger/checkpoints.json holds the checkpoint of 219 changes (2026-12-05T10:11:00.000Z): changes 1–219 are missing from the pack's log",
          "ledger/leaves.jsonl: sealed meeting 'October governance review' of 13 Oct 2026 (id 0192a000-0000-7000-8000-000000000001@2026-10-13): the sealing device (key <hex>…) is not registered in the log",
          "ledger/leaves.jsonl: sealed meeting 'October governance review' of 13 Oct 2026 (id 0192a000-0000-7000-8000-000000000001@2026-10-13): no change in the log sets this seal: the seal in ledger/records.json was never logged",
          "ledger/leaves.jsonl: sealed meeting 'November governance review' of 10 Nov 2026 (id 0192a000-0000-7000-8000-000000000001@2026-11-10): the sealing device (key <hex>…) is not registered in the log",
          "ledger/leaves.jsonl: sealed meeting 'November governance review' of 10 Nov 2026 (id 0192a000-0000-7000-8000-000000000001@2026-11-10): no change in the log sets this seal: the seal in ledger/records.json was never logged",
        ],
        "keys out of order, a space, an extra key, an escaped letter": [
          "ledger/leaves.jsonl line 1 (change 1) is not in the exact form the server hashed: the line was edited",
          "ledger/leaves.jsonl line 2 (change 2) is not in the exact form the server hashed: the line was edited",
          "ledger/leaves.jsonl line 3 (change 3) is not in the exact form the server hashed: the line was edited",
          "ledger/leaves.jsonl line 4 (change 4) is not in the exact form the server hashed: the line was edited",
          "ledger/leaves.jsonl: the log's first 22 changes do not match the root the server signed at 22 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–22 (lines 1–22 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 74 changes do not match the root the server signed at 74 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–74 (lines 1–74 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 193 changes do not match the root the server signed at 193 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–193 (lines 1–193 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 203 changes do not match the root the server signed at 203 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–203 (lines 1–203 of ledger/leaves.jsonl)",
          "ledger/leaves.jsonl: the log's first 219 changes do not match the root the server signed at 219 (ledger/checkpoints.json, root <hex>…): a change that differs is among changes 1–219 (lines 1–219 of ledger/leaves.jsonl)",
        ],
        "no last line break": [
          "ledger/leaves.jsonl: the last line (line 219) does not end with a line break",
          "ledger/leaves.jsonl has 218 changes but ledger/checkpoints.json holds the checkpoint of 219 changes (2026-12-05T10:11:00.000Z): changes 219–219 are missing from the pack's log",
        ],
        "one line break only": [
          "ledger/leaves.jsonl line 1 is not a logged change (not valid JSON text): the log was damaged or edited",
          "ledger/leaves.jsonl has 1 change but ledger/checkpoints.json holds the checkpoint of 22 changes (2026-10-01T13:06:00.000Z): changes 2–22 are missing from the pack's log",
          "ledger/leaves.jsonl has 1 change but ledger/checkpoints.json holds the checkpoint of 74 changes (2026-10-13T15:25:00.000Z): changes 2–74 are missing from the pack's log",
          "ledger/leaves.jsonl has 1 change but ledger/checkpoints.json holds the checkpoint of 193 changes (2026-10-22T15:02:00.000Z): changes 2–193 are missing from the pack's log",
          "ledger/leaves.jsonl has 1 change but ledger/checkpoints.json holds the checkpoint of 203 changes (2026-11-10T16:25:00.000Z): changes 2–203 are missing from the pack's log",
          "ledger/leaves.jsonl has 1 change but ledger/checkpoints.json holds the checkpoint of 219 changes (2026-12-05T10:11:00.000Z): changes 2–219 are missing from the pack's log",
          "ledger/leaves.jsonl: sealed meeting 'October governance review' of 13 Oct 2026 (id 0192a000-0000-7000-8000-000000000001@2026-10-13): the sealing device (key <hex>…) is not registered in the log",
          "ledger/leaves.jsonl: sealed meeting 'October governance review' of 13 Oct 2026 (id 0192a000-0000-7000-8000-000000000001@2026-10-13): no change in the log sets this seal: the seal in ledger/records.json was never logged",
          "ledger/leaves.jsonl: sealed meeting 'November governance review' of 10 Nov 2026 (id 0192a000-0000-7000-8000-000000000001@2026-11-10): the sealing device (key <hex>…) is not registered in the log",
          "ledger/leaves.jsonl: sealed meeting 'November governance review' of 10 Nov 2026 (id 0192a000-0000-7000-8000-000000000001@2026-11-10): no change in the log sets this seal: the seal in ledger/records.json was never logged",
        ],
      }
    `);
  });
});

describe('verifyPack on a forked server', () => {
  it('names two checkpoints of one size with different roots as a fork', async () => {
    const s = await acmeScenario(true);
    const size = s.ledger.checkpoints[2]!.size;
    const files = new Map(s.files);
    const other = await s.ledger.forkedCheckpoint(size, '2026-10-22T15:02:30.000Z', [s.keys.bob]);
    files.set(PACK_FILES.checkpoints, utf8(JSON.stringify([...s.ledger.checkpoints, other])));
    const report = await verifyPack(files);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^fork: the log of space-acme-dental at ${size} changes has two different histories .*the server showed different devices different logs \\(ledger/checkpoints\\.json; signed by the server, co-signed by 1 device, and signed by the server, co-signed by 2 devices\\)$`,
        ),
      ),
    ]);
  });

  it('names a checkpoint a later one does not contain as a fork', async () => {
    const s = await acmeScenario(true);
    const files = new Map(s.files);
    const old = await s.ledger.forkedCheckpoint(5, '2026-10-01T13:02:00.000Z', [s.keys.bob]);
    files.set(PACK_FILES.checkpoints, utf8(JSON.stringify([old, ...s.ledger.checkpoints])));
    const report = await verifyPack(files);
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^fork: the checkpoint of 5 changes \(2026-10-01T13:02:00\.000Z\) \(signed by the server, co-signed by 1 device\) is not part of the checkpoint of \d+ changes/,
      ),
    ]);
  });

  it('locates a changed leaf between the checkpoints that match and the first that does not', async () => {
    const s = await acmeScenario(true);
    const [first, second] = s.ledger.checkpoints;
    const changes = s.ledger.changes.map((c) => ({ ...c }));
    const at = first!.size + 3; // a change after the first checkpoint, before the second
    changes[at - 1] = { ...changes[at - 1]!, author: 'Mallory' };
    const files = new Map(s.files);
    files.set(PACK_FILES.leaves, utf8(leavesJsonl(changes)));
    const report = await verifyPack(files);
    expect(report.problems[0]).toBe(
      `ledger/leaves.jsonl: the log's first ${second!.size} changes do not match the root the server signed at ${second!.size} ` +
        `(ledger/checkpoints.json, root ${second!.root.slice(0, 12)}…): the first ${first!.size} changes match the checkpoint of ${first!.size}, ` +
        `so a change that differs is among changes ${first!.size + 1}–${second!.size} (lines ${first!.size + 1}–${second!.size} of ledger/leaves.jsonl)`,
    );
  });

  it('names the missing tail when the log stops before a checkpoint', async () => {
    const s = await acmeScenario(true);
    const files = new Map(s.files);
    const n = s.ledger.changes.length;
    files.set(PACK_FILES.leaves, utf8(leavesJsonl(s.ledger.changes.slice(0, n - 2))));
    const report = await verifyPack(files);
    expect(report.problems).toContain(
      `ledger/leaves.jsonl has ${n - 2} changes but ledger/checkpoints.json holds the checkpoint of ${n} changes (2026-12-05T10:11:00.000Z): changes ${n - 1}–${n} are missing from the pack's log`,
    );
  });
});

describe('verifyPack on an unshared client', () => {
  it('verifies the seals alone, and says amendments are not in a signed log', async () => {
    const report = await verifyPack(unshared.files);
    expect(report.problems).toEqual([]);
    expect(report.meetings.map((m) => m.verdict)).toEqual(['unchanged', 'amended']);
    expect(meetingOf(report, IDS.nov).lines).toContain(
      `amended after sealing: item 'Renew Fortinet' (id ${IDS.fortinet}) — decision changed from '${DECIDED}' to ` +
        `'${AMENDED}' (not in a signed log: this client is not shared)`,
    );
    expect(formatReport(report)).toContain('Not shared: no signed log, seals only');
  });

  it('fails a meeting whose evidence changed after sealing', async () => {
    const files = withRecords(unshared, (r) => {
      const quote = r.captures.find((c) => c.id === IDS.quote)!;
      quote.markdown = `${String(quote.markdown)} Price valid until 31 Dec.`;
    });
    const report = await verifyPack(files);
    expect(meetingOf(report, IDS.nov).verdict).toBe('fails');
    expect(report.problems).toEqual([
      `ledger/records.json: sealed meeting 'November governance review' of 10 Nov 2026 (id ${IDS.nov}): ` +
        `evidence 'Quote Q-2026-1042' (capture ${IDS.quote}) of item 'Renew Fortinet' (id ${IDS.fortinet}) differs from what was sealed`,
    ]);
  });

  it('fails a seal whose statement or sealed version was altered', async () => {
    const renamed = withRecords(unshared, (r) => {
      const nov = r.meetings.find((m) => m.id === IDS.nov)! as Meeting;
      nov.seal!.statement.sealedBy.name = 'Someone Else';
    });
    let report = await verifyPack(renamed);
    expect(report.problems).toEqual([
      expect.stringContaining("the sealing device's signature does not verify: what the seal states was altered"),
    ]);
    const rewritten = withRecords(unshared, (r) => {
      const nov = r.meetings.find((m) => m.id === IDS.nov)! as Meeting;
      const version = nov.seal!.versions.find((v) => v.id === IDS.fortinet)!;
      version.record = { ...version.record, title: 'Renew Fortinet (approved)' };
    });
    report = await verifyPack(rewritten);
    expect(report.problems).toEqual([
      expect.stringContaining(
        `the sealed version of item 'Renew Fortinet (approved)' (id ${IDS.fortinet}) kept with the seal is not the one signed`,
      ),
    ]);
  });

  it('fails a meeting whose sealed image is missing or altered', async () => {
    const missing = new Map(unshared.files);
    missing.delete(unshared.imagePath);
    let report = await verifyPack(missing);
    expect(report.problems).toEqual([
      expect.stringContaining(`evidence-images/${PNG_SHA}.* (an image of evidence 'Quote Q-2026-1042'`),
    ]);
    const altered = new Map(unshared.files);
    const bytes = unshared.files.get(unshared.imagePath)!.slice();
    bytes[bytes.length - 1]! ^= 1;
    altered.set(unshared.imagePath, bytes);
    report = await verifyPack(altered);
    expect(report.meetings.find((m) => m.meetingId === IDS.nov)!.verdict).toBe('fails');
    expect(report.problems[0]).toMatch(/^evidence-images\/[0-9a-f]{64}\.png: the image's bytes do not match its name/);
  });
});

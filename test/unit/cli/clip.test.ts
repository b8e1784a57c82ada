import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaptureDraft, Hints } from '../../../shared/domain';
import { exportClientLog } from '../../../shared/export';
import { client, log, NOW, planned } from '../export/fixture';

// The same tsx that `npm run clip` / `npx tsx` resolve to, called directly so npm's own notices stay out of stderr.
const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const fixtures = join(root, 'test/fixtures');

function clip(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, ['cli/clip.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter(Boolean);

let dir: string;
let logs: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docket-clip-'));
  await writeFile(
    join(dir, 'pricing.html'),
    '<!doctype html><title>Acme Cloud pricing</title><main><h1>Business plan</h1><p>$4,500/month for up to 60 users, ' +
      'with monitoring, patching and a named service manager, billed monthly. Valid until December 15, 2026.</p></main>',
  );
  await copyFile(join(fixtures, 'pdf/proposal.pdf'), join(dir, 'proposal.pdf'));
  await writeFile(join(dir, 'notes.txt'), 'not for Docket');
  // Outside `dir`, which the runs above read as a folder.
  logs = await mkdtemp(join(tmpdir(), 'docket-clip-clients-'));
  // December's meeting moved a day from its cadence slot: the stored meeting, not the cadence, gives the date.
  const moved = log.meetings.map((m) => (m.id === planned.id ? { ...m, startsAt: '2026-12-09T14:00:00.000Z' } : m));
  await writeFile(join(logs, 'northwind.json'), exportClientLog({ ...log, meetings: moved }, NOW));
  await writeFile(
    join(logs, 'firewall.eml'),
    [
      'From: "Priya Raman" <priya.raman@harborit.ca>',
      'To: "Rosa Martins" <rosa@northwinddental.ca>',
      'Subject: Quote FW-2231: firewall replacement',
      'Date: Mon, 30 Nov 2026 10:42:00 -0500',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      '',
      'Hi Rosa,',
      '',
      'Here is our quote for replacing the FortiGate 50E: CAD 6,800.00, installed.',
      'This quote is valid until December 20, 2026.',
      '',
      'Priya',
      '',
    ].join('\r\n'),
  );
  await writeFile(join(logs, 'not-json.json'), '{ "clients": [');
  await writeFile(join(logs, 'shape.json'), JSON.stringify({ customers: [{ name: 'Acme' }] }));
});

describe('npm run clip', { timeout: 60_000 }, () => {
  it('reads several files in one run: one JSON capture per good file, an error line per bad one, exit 1', async () => {
    const files = ['pdf/proposal.pdf', 'eml/vendor-renewal.eml', 'eml/french-renewal.eml', 'pdf/corrupt.pdf'];
    const { code, stdout, stderr } = await clip([
      '--json',
      ...files.map((f) => join(fixtures, f)),
      join(dir, 'pricing.html'),
    ]);
    expect(code).toBe(1);
    const captures = lines(stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(captures.map((c) => c.path).sort()).toEqual(
      [
        join(fixtures, files[0]!),
        join(fixtures, files[1]!),
        join(fixtures, files[2]!),
        join(dir, 'pricing.html'),
      ].sort(),
    );
    for (const capture of captures) {
      expect(CaptureDraft.safeParse(capture).success).toBe(true);
      expect(Hints.safeParse(capture.hints).success).toBe(true);
    }
    const byKind = Object.fromEntries(captures.map((c) => [c.kind, c]));
    expect(byKind.pdf).toMatchObject({
      pdf: { pageCount: 3 },
      file: { name: 'proposal.pdf', type: 'application/pdf' },
    });
    expect(byKind.page).toMatchObject({ source: { url: 'file:///pricing.html' } });
    expect(JSON.stringify(byKind.pdf?.hints)).toContain('"value":4500');
    expect(lines(stderr)).toEqual([
      `${join(fixtures, 'pdf/corrupt.pdf')}: This PDF could not be read (it may be damaged or not a PDF).`,
    ]);
  });

  it('prints one human line per file and exits 0 when all succeed; a folder means the files inside it', async () => {
    const { code, stdout, stderr } = await clip([dir, join(fixtures, 'eml/outlook-reply.eml')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out).toHaveLength(3);
    const lineOf = (path: string) => out.find((line) => line.startsWith(`${path}  `));
    const [html, pdf, eml] = [
      join(dir, 'pricing.html'),
      join(dir, 'proposal.pdf'),
      join(fixtures, 'eml/outlook-reply.eml'),
    ].map(lineOf);
    // The page extractor is another module's: only the shape of its line is this CLI's business.
    expect(html?.startsWith(`${join(dir, 'pricing.html')}  page  "Acme Cloud pricing"  `)).toBe(true);
    expect(html).toMatch(/  \d{2} words(  \[.+\])?$/);
    expect(pdf).toBe(
      `${join(dir, 'proposal.pdf')}  pdf  "Managed Services Proposal – Northwind Dental Group"  86 words`,
    );
    expect(eml).toBe(
      `${join(fixtures, 'eml/outlook-reply.eml')}  email  "RE: Circuit upgrade quote"  27 words  [Earlier messages quoted in this e-mail were left out.]`,
    );
  });

  it('applies --url to every page and PDF of the run', async () => {
    const url = 'https://portal.acme-cloud.com/contracts/2026';
    const { code, stdout } = await clip(['--json', '--url', url, dir]);
    expect(code).toBe(0);
    const captures = lines(stdout).map((line) => JSON.parse(line) as CaptureDraft);
    expect(captures.map((c) => [c.kind, c.source.url, c.source.site]).sort()).toEqual([
      ['page', url, 'portal.acme-cloud.com'],
      ['pdf', url, 'portal.acme-cloud.com'],
    ]);
  });

  it('exits 2 with the usage on a usage error, and 0 with it on --help', async () => {
    const none = await clip([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^clip: No files given\.\n\nUsage: npm run clip/);
    const unknown = await clip(['--verbose', 'a.pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--verbose'/);
    const help = await clip(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run clip -- <file or folder>/);
  });
});

describe('npm run clip --clients', { timeout: 60_000 }, () => {
  const registry = join(fixtures, 'hints-corpus/registry.json');
  const bluepeak = join(fixtures, 'hints-corpus/bluepeak-quote.html');
  const bluepeakUrl = 'https://portal.bluepeak.ca/quotes/Q-88231';

  it('prints under each file what the form would prefill, from a registry', async () => {
    const args = ['--url', bluepeakUrl, '--now', '2026-12-04T15:00:00Z', bluepeak];
    const { code, stdout, stderr } = await clip(['--clients', registry, ...args]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out[0]).toMatch(new RegExp(`^${bluepeak}  page  "`));
    expect(out.slice(1).map((line) => line.match(/^ {4}([a-z-]+): /)?.[1])).toEqual([
      'client',
      'vendor',
      'kind',
      'amount',
      'decide-by',
      'meeting',
      'section',
      'title',
    ]);
    const field = (label: string) => out.find((line) => line.startsWith(`    ${label}: `))?.slice(label.length + 6);
    expect(field('client')).toMatch(/^Maple Ridge Dental Group( — |$)/);
    expect(field('kind')).toMatch(/^quote — /);
    expect(field('decide-by')).toMatch(/^2026-12-27 — valid until: “Valid until/);
    expect(field('amount')).toMatch(/^CAD 18,640.00 one-time — the document’s total \(“Total one-time”\)$/);
    // The registry's clients meet monthly, first Tuesday: the next meeting after 4 December.
    expect(field('meeting')).toBe('2027-01-05');
    expect(field('title')).toContain('88231');
    // Without --clients, only the file's line, as before.
    const plain = await clip(args);
    expect(lines(plain.stdout)).toEqual([out[0]]);
  });

  it('reads a client log the extension exported: the client by domain, its known vendor, its stored meeting', async () => {
    const eml = join(logs, 'firewall.eml');
    const now = ['--now', '2026-12-01T15:00:00Z'];
    const human = await clip(['--clients', join(logs, 'northwind.json'), ...now, eml]);
    expect(human.stderr).toBe('');
    expect(human.code).toBe(0);
    // The reasons' wording is the hints' business: only that they name the domain that decided.
    const out = lines(human.stdout);
    expect(out).toHaveLength(9);
    expect(out[0]).toBe(`${eml}  email  "Quote FW-2231: firewall replacement"  23 words`);
    expect(out[1]).toMatch(/^ {4}client: Northwind Dental — .*northwinddental\.ca/);
    expect(out[2]).toMatch(/^ {4}vendor: Harbor IT Services — .*harborit\.ca/);
    expect(out[3]).toMatch(/^ {4}kind: quote — ./);
    expect(out.slice(4)).toEqual([
      expect.stringMatching(/^ {4}amount: CAD 6,800.00 one-time( — .+)?$/),
      expect.stringMatching(/^ {4}decide-by: 2026-12-20( — .+)?$/),
      '    meeting: 2026-12-09',
      '    section: decision-to-prepare',
      '    title: Quote FW-2231: firewall replacement',
    ]);
    const json = await clip(['--json', '--clients', join(logs, 'northwind.json'), ...now, eml]);
    expect(json.code).toBe(0);
    const capture = JSON.parse(json.stdout) as { hints: unknown; form: unknown };
    expect(Hints.safeParse(capture.hints).success).toBe(true);
    expect(capture.form).toEqual({
      client: { id: client.id, name: 'Northwind Dental', why: expect.stringContaining('northwinddental.ca') },
      vendor: { name: 'Harbor IT Services', why: expect.stringContaining('harborit.ca') },
      kind: { value: 'quote', why: expect.any(String) },
      amount: { value: 6800, currency: 'CAD', recurrence: 'one-time' },
      amountWhy: expect.any(String),
      oneTime: null,
      decideBy: '2026-12-20',
      decideByWhy: expect.stringContaining('2026'),
      meetingId: planned.id,
      meetingDate: '2026-12-09',
      section: 'decision-to-prepare',
      title: 'Quote FW-2231: firewall replacement',
    });
  });

  it('exits 2, naming the file and what is wrong, when the clients file cannot be used', async () => {
    const missing = await clip(['--clients', join(logs, 'nowhere.json'), bluepeak]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`clip: --clients ${join(logs, 'nowhere.json')}: no such file\n`);
    const notJson = await clip(['--clients', join(logs, 'not-json.json'), bluepeak]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(new RegExp(`^clip: --clients ${join(logs, 'not-json.json')}: not JSON \\(`));
    const shape = await clip(['--clients', join(logs, 'shape.json'), bluepeak]);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toBe(
      `clip: --clients ${join(logs, 'shape.json')}: not a client log, a list of client logs, or a registry ` +
        '({ "clients": [...], "vendors": [...] })\n  clients: is missing (expected array)\n',
    );
  });

  it('exits 2 with the usage on a --now that is not a date', async () => {
    const bad = await clip(['--clients', registry, '--now', '2026-02-30', bluepeak]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^clip: --now "2026-02-30" is not a date .*\n\nUsage: npm run clip/);
  });
});

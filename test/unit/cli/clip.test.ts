import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaptureDraft, Hints } from '../../../shared/domain';

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
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docket-clip-'));
  await writeFile(
    join(dir, 'pricing.html'),
    '<!doctype html><title>Acme Cloud pricing</title><main><h1>Business plan</h1><p>$4,500/month for up to 60 users, ' +
      'with monitoring, patching and a named service manager, billed monthly. Valid until December 15, 2026.</p></main>',
  );
  await copyFile(join(fixtures, 'pdf/proposal.pdf'), join(dir, 'proposal.pdf'));
  await writeFile(join(dir, 'notes.txt'), 'not for Docket');
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

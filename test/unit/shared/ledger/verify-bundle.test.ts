import { zipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_FILES } from '../../../../shared/ledger/pack';
import { IDS, acmeScenario, type Scenario } from '../../../support/ledger-scenario';

/**
 * The bundles a pack carries, built by scripts/build-verifier.mjs as WXT builds them: `node verify.mjs` on a pack
 * folder and a .zip (exit 0, 1 with the problems, 2 on a usage error), with and without WebCrypto's Ed25519, and
 * verify.html run in a DOM from picked files.
 */
let tmp: string;
let out: string;
let pack: Scenario;
const folder = () => join(tmp, 'Acme Dental handoff');

function writePack(dir: string, files: Map<string, Uint8Array>): void {
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

function run(args: string[], nodeArgs: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, join(out, 'verify.mjs'), ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'docket-verifier-'));
  out = join(tmp, 'verifier');
  execFileSync(process.execPath, ['scripts/build-verifier.mjs', out], { stdio: 'pipe' });
  pack = await acmeScenario(true);
  writePack(folder(), pack.files);
  writeFileSync(
    join(tmp, 'pack.zip'),
    zipSync(Object.fromEntries([...pack.files].map(([p, b]) => [`Acme Dental handoff/${p}`, b]))),
  );
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('verify.mjs', () => {
  it('is one file that needs nothing but Node, with the banner', () => {
    const text = readFileSync(join(out, 'verify.mjs'), 'utf8');
    expect(text.split('\n')[0]).toBe('// Docket pack verifier — source: shared/ledger, built 0.1.0');
    const imports = [...text.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(imports.every((name) => name!.startsWith('node:'))).toBe(true);
  });

  it('verifies a pack folder and a .zip: exit 0 and the report', async () => {
    const dir = await run([folder()]);
    expect(dir.stderr).toBe('');
    expect(dir.code).toBe(0);
    expect(dir.stdout).toContain('[UNCHANGED] October governance review, 13 Oct 2026');
    expect(dir.stdout).toContain('[AMENDED] November governance review, 10 Nov 2026');
    expect(dir.stdout).toContain('by Bob Lee, 5 Dec 2026 10:02 UTC');
    expect(dir.stdout).toMatch(/RESULT: everything verifies/);
    const zip = await run([join(tmp, 'pack.zip')]);
    expect(zip.code).toBe(0);
    expect(zip.stdout).toBe(dir.stdout);
  });

  it('verifies with the noble fallback when WebCrypto has no Ed25519', async () => {
    const preload = join(tmp, 'no-ed25519.mjs');
    writeFileSync(
      preload,
      `const subtle = globalThis.crypto.subtle;
for (const name of ['generateKey', 'importKey', 'sign', 'verify']) {
  const real = subtle[name].bind(subtle);
  subtle[name] = (...args) => JSON.stringify(args.map((a) => a?.name ?? a)).includes('Ed25519')
    ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))
    : real(...args);
}`,
    );
    const result = await run([folder()], ['--import', preload]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('exits 1 and names the problem when one byte changed', async () => {
    const dir = join(tmp, 'tampered');
    const files = new Map(pack.files);
    // One character of the Fortinet item's decision, in its line of records.json.
    const span = pack.spans.find((s) => s.id === IDS.fortinet)!;
    const bytes = files.get(PACK_FILES.records)!.slice();
    const at = new TextDecoder().decode(bytes.subarray(span.from, span.to)).indexOf('for 1 year only') + 4;
    expect(String.fromCharCode(bytes[span.from + at]!)).toBe('1');
    bytes[span.from + at] = '2'.charCodeAt(0);
    files.set(PACK_FILES.records, bytes);
    writePack(dir, files);
    const result = await run([dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `ledger/records.json: item 'Renew Fortinet' (id ${IDS.fortinet}): field \`decision\` does not match the log`,
    );
    // …and the sealed meeting it is on fails: no logged change gives the decision that text.
    expect(result.stdout).toContain('[FAILS] November governance review');
    expect(result.stdout).toContain('but no logged change explains it');
    expect(result.stdout).toMatch(/RESULT: DOES NOT VERIFY — 2 problems\n$/);
    const json = await run([dir, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('Renew Fortinet'), expect.stringContaining('Renew Fortinet')],
    });
  });

  it('exits 2 on a usage error', async () => {
    expect((await run([])).code).toBe(2);
    const missing = await run([join(tmp, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no such file or folder');
    const notZip = join(tmp, 'notes.txt');
    writeFileSync(notZip, 'hello');
    expect((await run([notZip])).stderr).toContain('is neither a folder nor a .zip file');
  });
});

describe('verify.html', () => {
  const html = () => readFileSync(join(out, 'verify.html'), 'utf8');

  it('is one page, its script and style allowed by hash and nothing else', () => {
    const page = html();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("connect-src 'none'");
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/<(link|img|iframe)\b|\bsrc=/);
    expect(script).not.toMatch(/\binnerHTML\b|insertAdjacentHTML|document\.write/);
  });

  it('verifies the files of a picked folder and shows the report as text', async () => {
    const dom = new JSDOM(html(), {
      runScripts: 'dangerously',
      beforeParse(window) {
        // jsdom's TextEncoder gives bytes of Node's realm, which the page's `instanceof Uint8Array` refuses (a
        // browser's are the page's own); and its crypto has no subtle, so the page runs on the noble fallback.
        const Bytes = (window as unknown as { Uint8Array: Uint8ArrayConstructor }).Uint8Array;
        class PageTextEncoder extends TextEncoder {
          override encode(text?: string) {
            return new Bytes(super.encode(text)) as Uint8Array<ArrayBuffer>;
          }
        }
        Object.defineProperty(window, 'TextEncoder', { value: PageTextEncoder });
      },
    });
    const { document, File } = dom.window;
    const input = document.getElementById('folder') as HTMLInputElement;
    const files = [...pack.files].map(([path, bytes]) => {
      const file = new File([bytes as Uint8Array<ArrayBuffer>], path.split('/').pop()!);
      Object.defineProperty(file, 'webkitRelativePath', { value: `Acme Dental handoff/${path}` });
      Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
      return file;
    });
    Object.defineProperty(input, 'files', { value: files });
    input.dispatchEvent(new dom.window.Event('change'));
    const status = document.getElementById('status')!;
    for (let i = 0; i < 200 && status.className !== 'ok' && status.className !== 'bad'; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(status.textContent, document.getElementById('report')!.textContent!).toBe('Everything verifies.');
    const report = document.getElementById('report')!;
    expect(report.textContent).toContain('[AMENDED] November governance review, 10 Nov 2026');
    expect(report.children).toHaveLength(0);
    dom.window.close();
  }, 20_000);
});

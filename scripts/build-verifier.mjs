/**
 * Builds the offline verifier a pack carries: `verify.mjs` (Node ≥ 20, one file, no dependency) and `verify.html`
 * (the same code inlined into one page with a strict CSP, so it opens from file:// and reaches no network), from
 * cli/verifier/ and shared/ledger/. WXT runs it before every build (wxt.config.ts), writing to
 * extension/public/verifier/ so the extension can put both files in every pack it exports.
 *
 *   node scripts/build-verifier.mjs [output folder]
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(root, 'extension', 'public', 'verifier');

const PAGE_STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f6f7f9; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
label { display: inline-block; margin-right: 1.5rem; }
#drop { border: 2px dashed #9aa4b2; border-radius: 8px; padding: 1.2rem; text-align: center; color: #4a5568; margin: 1rem 0; }
#drop.over { border-color: #2b6cb0; background: #ebf4ff; }
#status { font-weight: 600; }
#status.ok { color: #22663a; } #status.bad { color: #a61b1b; } #status.busy { color: #4a5568; }
pre { white-space: pre-wrap; word-break: break-word; background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 1rem; font-size: 13px; }
pre:empty { display: none; }
`.trim();

const page = (style, script, csp) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Docket — verify a ledger pack</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Verify a Docket ledger pack</h1>
<p>Choose the pack's folder or its .zip, or drop either below. Every hash, root and signature is checked here, in
this page, with no network: nothing is sent anywhere.</p>
<p><label>Pack folder: <input type="file" id="folder" webkitdirectory multiple></label>
<label>Pack .zip: <input type="file" id="zip" accept=".zip,application/zip"></label></p>
<div id="drop">…or drop the pack's .zip or folder here</div>
<p id="status" role="status"></p>
<pre id="report"></pre>
<noscript><p>This page needs JavaScript to verify the pack. Or run <code>node verify.mjs &lt;pack folder or .zip&gt;</code>.</p></noscript>
</main>
<script>${script}</script>
</body>
</html>
`;

/**
 * zod's namespace re-exports every locale's messages (250 kB minified); the verifier speaks English only, which
 * zod loads on its own (classic/external.js imports locales/en.js directly).
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** verify.mjs hashes with Node's SHA-256 (cli/verifier/sha256-node.ts says why); the page keeps shared/ledger's. */
const nodeSha256 = {
  name: 'node-sha256',
  setup(b) {
    b.onResolve({ filter: /\/sha256$/ }, (args) =>
      resolve(args.resolveDir, args.path) === join(root, 'shared', 'ledger', 'sha256')
        ? { path: join(root, 'cli', 'verifier', 'sha256-node.ts') }
        : undefined,
    );
  },
};

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text that would end or confuse an inline <script> or <style>. */
function assertInlineSafe(name, text) {
  const bad = /<\/script|<!--|<script|<\/style/i.exec(text);
  if (bad) throw new Error(`${name} holds "${bad[0]}" at ${bad.index}: it cannot be inlined into verify.html`);
}

export async function buildVerifier(outDir = DEFAULT_OUT) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // Generated and minified: the repo's linters have nothing to say about it.
  const banner = `// Docket pack verifier — source: shared/ledger, built ${version}\n/* eslint-disable */`;
  const common = {
    absWorkingDir: root,
    bundle: true,
    // DOCKET_NO_MINIFY=1 keeps names readable in a CPU profile, as for the extension's bench build.
    minify: !process.env.DOCKET_NO_MINIFY,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
    // The browser build of fflate everywhere: pure JavaScript, no worker_threads.
    alias: { fflate: 'fflate/browser' },
    plugins: [noZodLocales],
  };
  const [node, browser] = await Promise.all([
    build({
      ...common,
      entryPoints: ['cli/verifier/node.ts'],
      platform: 'node',
      plugins: [noZodLocales, nodeSha256],
      format: 'esm',
      target: ['node20', 'es2022'],
      banner: { js: banner },
    }),
    build({
      ...common,
      entryPoints: ['cli/verifier/page.ts'],
      platform: 'browser',
      format: 'iife',
      target: ['es2022'],
      banner: { js: banner },
    }),
  ]);
  const cli = node.outputFiles[0].text;
  const imports = [...cli.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*\(\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const foreign = imports.filter((name) => !name.startsWith('node:'));
  if (foreign.length) throw new Error(`verify.mjs would need ${foreign.join(', ')}: it must have no dependency`);

  const script = browser.outputFiles[0].text.trimEnd();
  assertInlineSafe('the verifier script', script);
  assertInlineSafe('the page style', PAGE_STYLE);
  const csp = [
    "default-src 'none'",
    `script-src ${hash(script)}`,
    `style-src ${hash(PAGE_STYLE)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'verify.mjs'), cli);
  writeFileSync(join(outDir, 'verify.html'), page(PAGE_STYLE, script, csp));
  return { dir: outDir, mjsBytes: Buffer.byteLength(cli), htmlBytes: Buffer.byteLength(script) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const built = await buildVerifier(out);
  console.log(
    `verifier: ${built.dir}/verify.mjs (${(built.mjsBytes / 1024).toFixed(0)} kB) and verify.html (${(built.htmlBytes / 1024).toFixed(0)} kB of script)`,
  );
}

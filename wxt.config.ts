import preact from '@preact/preset-vite';
import { execFileSync } from 'node:child_process';
import { defineConfig } from 'wxt';

// The test build (`npm run build:test`, mode "test") may read pages on localhost and the reserved .test
// domain without a click,
// so the browser tests can drive a capture without a real toolbar gesture. Production builds never carry it.
const TEST_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*', 'http://*.test/*'];
// The benchmark build (`npm run bench`, mode "bench") also reads the webmail hosts, served locally over TLS.
const BENCH_HOSTS = [...TEST_HOSTS, 'https://mail.google.com/*', 'https://outlook.office.com/*'];

export default defineConfig({
  srcDir: 'extension',
  // Several builds (tests, benchmarks) can live side by side.
  outDir: process.env.DOCKET_OUT_DIR ?? '.output',
  publicDir: 'extension/public',
  // Explicit imports: every module says where its names come from.
  imports: false,
  manifest: ({ mode, browser }) => ({
    name: 'Docket — vCIO decision log',
    short_name: 'Docket',
    description:
      'Clip vendor proposals, e-mails and PDFs into your decision log, filed for the client’s next governance meeting.',
    // activeTab + scripting: read the page only when the user asks, never a content script on every site.
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', 'alarms'],
    // Asked for one origin at a time, only when the user captures a linked PDF on another site.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // `<all_urls>` too in the test build: Chrome lets `tabs.captureVisibleTab` run on it or on the activeTab grant
    // of a real toolbar click, which a headless test cannot make.
    ...(mode === 'test' && { host_permissions: [...TEST_HOSTS, '<all_urls>'] }),
    ...(mode === 'bench' && { host_permissions: BENCH_HOSTS }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Clip this page into Docket',
      },
      'capture-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Clip the selected text into Docket',
      },
    },
    action: { default_title: 'Clip into Docket (Alt+Shift+D)' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // Docket keeps everything in the browser (and, later, on the team's own sync server): nothing is collected.
        gecko: {
          id: 'docket@vcio.tools',
          // data_collection_permissions needs 140 (142 on Android): older versions would refuse the manifest.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The offline verifier every exported pack carries (verify.mjs, verify.html), built into public/verifier first.
    'build:before': (wxt) => {
      execFileSync(process.execPath, ['scripts/build-verifier.mjs'], { cwd: wxt.config.root, stdio: 'inherit' });
    },
    // The bench page (measuring hooks into the store, search and sync) exists only in the benchmark build.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'bench') return;
      const at = entrypoints.findIndex((e) => e.name === 'bench');
      if (at >= 0) entrypoints.splice(at, 1);
    },
  },
  vite: () => ({
    plugins: [preact()],
    // For profiling: DOCKET_NO_MINIFY=1 keeps function names readable in a CPU profile of the bench build.
    ...(process.env.DOCKET_NO_MINIFY && { build: { minify: false } }),
  }),
});

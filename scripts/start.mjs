// `npm start`: builds the extension, says exactly how to load it and connect, then runs the sync server
// (embedded SQLite under ./data) in the foreground until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = resolve('.output/chrome-mv3');
const port = process.env.DOCKET_PORT ?? '8787';
console.log(`
Docket is built: ${dir}

Load it in Chrome, Edge or Chromium:
  1. Open chrome://extensions (edge://extensions in Edge).
  2. Turn on "Developer mode" (top right).
  3. Click "Load unpacked" and choose:
       ${dir}
  4. Pin Docket from the puzzle-piece menu, then on a vendor page or e-mail
     click the Docket button or press Alt+Shift+D.

Connect it to the team's sync server (starting below on http://127.0.0.1:${port}):
  open Docket's log (the "Open log" link in the popup), Client settings › Team sync,
  enter the server address and the one-time setup code printed below (first start only).
  Invite teammates from there; they connect with their invite code.

Firefox and store zips: npm run zip.   Stop the server: Ctrl+C.
`);

const server = spawn(resolve('node_modules/.bin/tsx'), ['server/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

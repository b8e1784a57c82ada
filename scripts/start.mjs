// `npm start`: builds the extension and says exactly how to load it.
// (The sync server joins here when it exists: see the issue tracker.)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = resolve('.output/chrome-mv3');
console.log(`
Docket is built: ${dir}

Load it in Chrome, Edge or Chromium:
  1. Open chrome://extensions (edge://extensions in Edge).
  2. Turn on "Developer mode" (top right).
  3. Click "Load unpacked" and choose:
       ${dir}
  4. Pin Docket from the puzzle-piece menu, then on a vendor page or e-mail
     click the Docket button or press Alt+Shift+D.

Firefox and store zips: npm run zip.
`);

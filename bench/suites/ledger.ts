/**
 * Sealed meetings and the verifiable log (issue 16): sealing a meeting of 200 items in Chromium against marking it
 * held, `node verify.mjs` on a 10,000-item client's pack against reading and hashing the same files, and what the
 * log adds to the server's SQLite database per change and per single-change push. Quick mode: a 20-item meeting,
 * a 500-item pack, 2,000 changes and 50 single pushes, one run. See bench/suites/ledger/ for each part.
 */
import type { Figure, Suite } from '../lib/types';
import { sealFigure } from './ledger/seal';
import { storageFigures } from './ledger/storage';
import { verifyPackFigure } from './ledger/verify-pack';

export const suite: Suite = {
  name: 'ledger',
  async run(ctx) {
    const figures: Figure[] = [await sealFigure(ctx)];
    figures.push({ ...(await verifyPackFigure(ctx)), area: 'ledger' });
    figures.push(...(await storageFigures(ctx)));
    return { figures, series: [] };
  },
};

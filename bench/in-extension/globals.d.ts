// Inside page.evaluate on the bench page, `docketBench` holds the measuring hooks (extension/entrypoints/bench).
declare const docketBench: {
  capture: typeof import('./capture');
  ledger: typeof import('./ledger');
  log: typeof import('./log');
  sync: typeof import('./sync');
};

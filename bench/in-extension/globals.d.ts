// Inside page.evaluate on the bench page, `docketBench` holds the measuring hooks (extension/entrypoints/bench).
declare const docketBench: {
  capture: typeof import('./capture');
  log: typeof import('./log');
  sync: typeof import('./sync');
};

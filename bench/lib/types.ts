/** What every benchmark reports: figures with their same-run baseline and target, and growth series for the chart. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Measured runs, warm-up excluded. */
  runs: number;
  samples: number[];
}

/** The figure must be at most (`<=`) or at least (`>=`) `value`, in the figure's unit. */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

export type Status = 'pass' | 'miss' | 'info' | 'unjudged' | 'error';

export type Area = 'capture' | 'local log' | 'sync' | 'server' | 'bundles' | 'ledger';

export interface Figure {
  /** Stable id, e.g. `capture.page-1mb`. */
  id: string;
  /** The suite that measured it, filled by bench/run.ts (an id's first part names its area, not always its suite). */
  suite?: string;
  area: Area;
  /** In the user's words: "page of 1 MB". */
  name: string;
  /** ms, s, kB, MB, req/s… */
  unit: string;
  result: Summary;
  baseline?: { name: string; result: Summary };
  /** result.median / baseline.median, filled by `judge`. */
  ratio?: number;
  target?: Target;
  /** The ratio to the baseline must be at most this. */
  ratioTarget?: number;
  /** The ratio to the baseline must be at least this (a throughput against a faster baseline). */
  ratioFloor?: number;
  /** Filled by `judge`. */
  status?: Status;
  /** Why it missed, what the run saw, or what the figure leaves out. */
  note?: string;
}

export interface SeriesPoint {
  x: number;
  /** How the x value reads on the axis: "1 MB", "10k items". */
  label: string;
  median: number;
  min: number;
  max: number;
}

/** How a figure grows: capture time against page size, search against log size, sync against item count. */
export interface Series {
  id: string;
  /** As Figure's. */
  suite?: string;
  title: string;
  xLabel: string;
  unit: string;
  points: SeriesPoint[];
}

export interface SuiteResult {
  figures: Figure[];
  series: Series[];
}

export interface BenchContext {
  /** CI mode: small data, one run, no judging; proves the harness works. */
  quick: boolean;
  /** Measured runs per figure (≥ 5 unless quick). */
  runs: number;
  /** Unmeasured runs first (JIT, caches). */
  warmup: number;
  /** The built bench extension (`wxt build --mode bench`). */
  extensionDir: string;
  /** The production build, for bundle sizes. */
  productionDir: string;
  /** A scratch directory for this run, removed at the end. */
  tmp: string;
  log: (message: string) => void;
}

export interface Suite {
  name: string;
  run: (ctx: BenchContext) => Promise<SuiteResult>;
}

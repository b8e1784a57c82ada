/**
 * ledger.seal-200: sealing a meeting of 200 items with 200 evidence files, in Chromium with the bench build (the
 * extension's own IndexedDB and WebCrypto): `sealMeeting` timed in the page (bench/in-extension/ledger.ts) on a
 * fresh seed each run, against `holdMeeting` ("mark held" without a seal) on an identically seeded twin meeting.
 */
import { launchBench, openBenchPage } from '../../lib/chromium';
import { median, summarize } from '../../lib/stats';
import type { BenchContext, Figure } from '../../lib/types';

const ITEMS = 200;
const CAPTURE_CHARS = 3000;

const ms = (samples: number[]) => `${median(samples).toFixed(1)} ms`;

export async function sealFigure(ctx: BenchContext): Promise<Figure> {
  const items = ctx.quick ? 20 : ITEMS;
  const docket = await launchBench(ctx);
  try {
    const bench = await openBenchPage(docket);
    ctx.log(`ledger: sealing a meeting of ${items} items (${ctx.runs} runs, fresh seed each)`);
    const runs = await bench.evaluate((opts) => docketBench.ledger.seal(opts), {
      items,
      captureChars: CAPTURE_CHARS,
      runs: ctx.runs,
      warmup: ctx.warmup,
    });
    const { parts } = runs;
    return {
      id: `ledger.seal-${items}`,
      area: 'ledger',
      name: `sealing a meeting of ${items} items with ${items} evidence files`,
      unit: 'ms',
      result: summarize(runs.seal),
      baseline: { name: 'marking the same meeting held, no seal', result: summarize(runs.hold) },
      target: { op: '<=', value: 500 },
      note:
        `sealMeeting in the bench page (real IndexedDB, WebCrypto Ed25519 key made once per browser, untimed): holds ` +
        `the meeting, reads it with its ${runs.records - 1} items and ${runs.evidence} captures (${runs.markdown} ` +
        `characters of Markdown on average, ${runs.images} with a kept image), hashes every record and evidence, ` +
        `signs, checks nothing changed and writes the sealed meeting with its versions; a fresh client per run, ` +
        `not shared with a server. Baseline: holdMeeting on an identical twin meeting, the two alternating which runs ` +
        `first. The seal's parts timed apart on the held twin (medians): read ${ms(parts.read)}, hashes ` +
        `${ms(parts.hash)}, signature ${ms(parts.sign)}, one "nothing changed" fingerprint ${ms(parts.check)} (the seal ` +
        `takes two, the second with a second read in its write transaction), validating the sealed meeting ` +
        `${ms(parts.validate)}; the rest is the write (the sealed meeting with its versions in its row, outbox and ` +
        `history entries; the device record) and its commit.`,
    };
  } finally {
    await docket.close();
  }
}

// Benchmark build only (see wxt.config.ts): exposes the measuring hooks to the bench driver (bench/suites).
import * as capture from '../../../bench/in-extension/capture';
import * as ledger from '../../../bench/in-extension/ledger';
import * as log from '../../../bench/in-extension/log';
import * as sync from '../../../bench/in-extension/sync';

Object.assign(globalThis, { docketBench: { capture, ledger, log, sync } });
document.body.dataset.ready = 'true';

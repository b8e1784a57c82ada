/**
 * Puts the bare baseline's script into a fixture tab, in both worlds a script can run in: the page's main world
 * (a script tag) and the extension's isolated world, where Docket's capture script runs. Chromium looks DOM
 * wrappers up in a side table in isolated worlds, so the same code walking a large DOM is slower there: the
 * isolated-world run is the like-for-like baseline, the main-world run shows what that costs.
 */
import type { Page } from 'playwright-core';
import type { Env } from './timing';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { isDefault?: boolean; frameId?: string };
}

export async function injectBaseline(env: Env, page: Page, tabId: number, script: string): Promise<void> {
  // Main world: the tag runs, then leaves the DOM both paths read.
  const tag = await page.addScriptTag({ content: script });
  await tag.evaluate((el) => (el as ChildNode).remove());

  // Isolated world: extension scripts cannot eval, so the DevTools protocol evaluates the bundle in that world.
  await env.bench.evaluate((id) => docketBench.capture.openIsolatedWorld(id), tabId);
  const cdp = await env.docket.context.newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as ExecutionContext));
    await cdp.send('Runtime.enable'); // reports every context that already exists
    const origin = `chrome-extension://${env.docket.extensionId}`;
    const find = () => contexts.find((c) => c.origin === origin && c.auxData?.isDefault === false);
    for (let wait = 0; !find() && wait < 20; wait++) await new Promise((ok) => setTimeout(ok, 100));
    const world = find();
    if (!world) throw new Error('the extension has no isolated world in the fixture tab');
    const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: script, contextId: world.id });
    if (exceptionDetails) throw new Error(`the baseline failed to load: ${exceptionDetails.text}`);
  } finally {
    await cdp.detach();
  }
}

// Runs inside the bench page of the benchmark build; the driver calls it through page.evaluate.
import { browser } from 'wxt/browser';
import { captureFromTab } from '../../extension/capture/run-in-tab';
import type { CaptureRequest } from '../../extension/capture/request';

/** Answers the driver's "is the page wired" check. */
export function ready(): string {
  return 'capture';
}

/** One timed capture and what the driver needs to check it really read the page. */
export interface Timed {
  ms: number;
  chars: number;
  /** Expected phrases the Markdown lacks (a failed extraction must not pass for a fast one). */
  missing: string[];
  kind?: string;
  pageCount?: number;
  from?: string;
  warnings?: string[];
}

const lacking = (markdown: string, phrases: string[]) => phrases.filter((p) => !markdown.includes(p));

/** Docket's real path for a clip: captureFromTab, as the popup and the right-click menu call it. */
export async function docket(tabId: number, request: CaptureRequest, phrases: string[]): Promise<Timed> {
  const start = performance.now();
  const { draft } = await captureFromTab(tabId, request);
  const ms = performance.now() - start;
  return {
    ms,
    chars: draft.markdown.length,
    missing: lacking(draft.markdown, phrases),
    kind: draft.kind,
    pageCount: draft.pdf?.pageCount,
    from: draft.email?.from?.address,
    warnings: draft.warnings,
  };
}

/**
 * The bare baseline (bench/baseline), put into the tab beforehand, called the same way as Docket: in the
 * extension's isolated world (where Docket's capture script runs), or in the page's main world.
 */
export async function bare(tabId: number, phrases: string[], world: 'ISOLATED' | 'MAIN'): Promise<Timed> {
  const start = performance.now();
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    world,
    func: () => (globalThis as unknown as { __bareCapture: () => string }).__bareCapture(),
  });
  const ms = performance.now() - start;
  const markdown = typeof frame?.result === 'string' ? frame.result : '';
  return { ms, chars: markdown.length, missing: lacking(markdown, phrases) };
}

/** Makes the extension's isolated world exist in the tab (it is created by the first injection). */
export async function openIsolatedWorld(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, func: () => true });
}

import { useState } from 'preact/hooks';
import type { Prepared } from './load';

export const hasScreenshot = (prepared: Prepared) => !!prepared.images?.some((i) => i.meta.screenshot);

/** Adds a screenshot of what the tab shows to the capture, on request (the page's look is sometimes the evidence). */
export function ScreenshotButton({ take, taken }: { take: () => Promise<void>; taken: boolean }) {
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' });
  if (taken)
    return (
      <p class="muted small" data-testid="screenshot-added">
        ✓ Screenshot of the tab added to the evidence.
      </p>
    );
  return (
    <p class="small">
      <button
        type="button"
        class="link"
        disabled={state.busy}
        onClick={() => {
          // Only when asked: the page was opened to Docket by the user's click on its button, not for this.
          setState({ busy: true, error: '' });
          take().then(
            () => setState({ busy: false, error: '' }),
            (e: unknown) => setState({ busy: false, error: e instanceof Error ? e.message : String(e) }),
          );
        }}
      >
        + Add a screenshot of the tab
      </button>
      {state.error && (
        <span class="error" role="alert">
          {' '}
          {state.error}
        </span>
      )}
    </p>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaptureError } from '../../capture/text';
import { captureFromTab } from '../../capture/run-in-tab';
import type { DocketDB } from '../../store/db';
import { maxImageBytes } from '../../store/images';
import { type Saved, CaptureForm } from './CaptureForm';
import type { CaptureContext } from './form-state';
import { loadContext, type Prepared, prepare } from './load';
import { requestHost } from '../../permissions/host';
import { resolveTarget } from './target';
import { nudgeSync } from '../sync/nudge';

type State =
  | { at: 'loading' }
  | { at: 'failed'; message: string; origin: string | null }
  | { at: 'form'; prepared: Prepared; ctx: CaptureContext }
  | { at: 'saved'; saved: Saved; standalone: boolean };

function openLog(itemId?: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(`/log.html${itemId ? `#item=${itemId}` : ''}`) });
}

export function Popup({ db }: { db: DocketDB }) {
  const [state, setState] = useState<State>({ at: 'loading' });
  const [standalone, setStandalone] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [tabId, setTabId] = useState<number | null>(null);
  // The sync badge is not needed to clip: it loads right after the form, keeping the popup's first load small.
  const [SyncBadge, setSyncBadge] = useState<typeof import('../sync/SyncBadge').SyncBadge | null>(null);
  useEffect(() => void import('../sync/SyncBadge').then((m) => setSyncBadge(() => m.SyncBadge)), []);
  // Only a first capture needs the new-client form: it loads then, not with every popup.
  const [QuickClient, setQuickClient] = useState<typeof import('./QuickClient').QuickClient | null>(null);
  const noClients = state.at === 'form' && state.ctx.clients.length === 0;
  useEffect(() => {
    if (noClients && !QuickClient) void import('./QuickClient').then((m) => setQuickClient(() => m.QuickClient));
  }, [noClients, QuickClient]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const target = await resolveTarget(location.search);
        setStandalone(target.standalone);
        setTabId(target.request.mode === 'link' ? null : target.tabId);
        const limits = { maxImageBytes: await maxImageBytes(db) };
        const [captured, ctx] = await Promise.all([
          captureFromTab(target.tabId, target.request, limits),
          loadContext(db),
        ]);
        const prepared = await prepare(db, captured, ctx);
        if (live) setState({ at: 'form', prepared, ctx });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const origin =
          e instanceof CaptureError && e.code === 'needs-permission'
            ? (message.match(/https?:\/\/[^\s]+?(?=\.$)/)?.[0] ?? null)
            : null;
        if (live) setState({ at: 'failed', message, origin });
      }
    })();
    return () => {
      live = false;
    };
  }, [db, attempt]);

  async function addScreenshot(tab: number) {
    const { screenshotOfTab } = await import('../../capture/images/screenshot');
    const shot = await screenshotOfTab(tab);
    setState((s) =>
      s.at === 'form' ? { ...s, prepared: { ...s.prepared, images: [...(s.prepared.images ?? []), shot] } } : s,
    );
  }

  async function grant(origin: string) {
    if (await requestHost(origin)) setAttempt((n) => n + 1);
  }

  function saved(s: Saved) {
    nudgeSync(true);
    setState({ at: 'saved', saved: s, standalone });
    if (!standalone) setTimeout(() => window.close(), 2500);
  }

  return (
    <main class="popup">
      <header>
        <h1>Docket {SyncBadge && <SyncBadge db={db} />}</h1>
        <button type="button" class="link" onClick={() => openLog()}>
          Open log
        </button>
      </header>
      {state.at === 'loading' && (
        <p class="muted" role="status">
          Reading the page…
        </p>
      )}
      {state.at === 'failed' && (
        <div class="failed" role="alert">
          <p class="error">{state.message}</p>
          {state.origin && (
            <button type="button" class="primary" onClick={() => void grant(state.origin!)}>
              Allow Docket to read {state.origin}
            </button>
          )}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.at === 'form' && state.ctx.clients.length === 0 && QuickClient && (
        <QuickClient
          db={db}
          onCreated={() =>
            loadContext(db).then((ctx) =>
              prepare(db, state.prepared, ctx).then((prepared) => setState({ at: 'form', prepared, ctx })),
            )
          }
        />
      )}
      {state.at === 'form' && state.ctx.clients.length > 0 && (
        <CaptureForm
          db={db}
          prepared={state.prepared}
          ctx={state.ctx}
          onSaved={saved}
          addScreenshot={tabId === null ? undefined : () => addScreenshot(tabId)}
        />
      )}
      {state.at === 'saved' && (
        <div class="saved" role="status" data-testid="saved">
          <p>✓ {state.saved.summary}</p>
          <button type="button" class="primary" onClick={() => openLog(state.saved.itemId)}>
            Open in log
          </button>
        </div>
      )}
    </main>
  );
}

// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // before Dexie is imported by the form
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textHints } from '../../../shared/hints';
import type { DocketDB } from '../../../extension/store/db';
import { saveCapture } from '../../../extension/store/save-capture';
import { CaptureForm } from '../../../extension/ui/capture/CaptureForm';
import {
  type CaptureContext,
  FormError,
  initialForm,
  NOWHERE_TO_FILE,
  toFileTo,
} from '../../../extension/ui/capture/form-state';
import { loadContext, prepare } from '../../../extension/ui/capture/load';
import { holdAs } from '../../support/access';
import { alice, fileItem, freshDb, makeClient, pageDraft } from '../../support/store';

// The quick-capture form, with a client whose shared log this account may only view.
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000 });
const draft = pageDraft();

/** Acme, a shared log this account views, and (unless `only`) a client of its own; what was filed before, kept. */
async function setUp(only = false, before: (db: DocketDB, acmeId: string) => Promise<unknown> = async () => {}) {
  const db = freshDb();
  const acme = await makeClient(db, 'Acme Dental');
  const mine = only ? null : await makeClient(db, 'Northwind');
  await before(db, acme.id);
  await holdAs(db, acme.id, 'viewer');
  const ctx = await loadContext(db, new Date(alice.at));
  return { db, acme, mine, ctx };
}
const hintsOf = async (db: DocketDB, ctx: CaptureContext) =>
  (await prepare(db, { draft, text: textHints(draft, ctx.now) }, ctx)).hints;

describe('filing a capture', () => {
  it('never proposes a view-only client, even the one the page points to, nor the last one used', async () => {
    const { db, acme, mine, ctx } = await setUp();
    expect(ctx.viewOnly).toEqual([acme.id]);
    const hints = { ...(await hintsOf(db, ctx)), clientId: acme.id };
    const form = initialForm(draft, hints, { ...ctx, lastClientId: acme.id });
    expect(form.clientId).toBe(mine!.id);
  });

  it('refuses to file under a view-only client, saying why', async () => {
    const { db, acme, ctx } = await setUp();
    const form = initialForm(draft, await hintsOf(db, ctx), ctx);
    const error = (() => {
      try {
        toFileTo({ ...form, clientId: acme.id }, draft, ctx);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FormError);
    expect((error as Error).message).toBe(
      'You can view Acme Dental’s shared log but not change it. File this capture under another client.',
    );
  });

  it('with only view-only clients there is nowhere to file, and it says so', async () => {
    const { db, ctx } = await setUp(true);
    const form = initialForm(draft, await hintsOf(db, ctx), ctx);
    expect(form.clientId).toBe('');
    expect(() => toFileTo(form, draft, ctx)).toThrow(NOWHERE_TO_FILE);
  });
});

describe('the capture form', () => {
  let root: HTMLElement;
  afterEach(() => render(null, root));

  async function mount(db: DocketDB) {
    const ctx = await loadContext(db, new Date(alice.at));
    const prepared = await prepare(db, { draft, text: textHints(draft, ctx.now) }, ctx);
    root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<CaptureForm db={db} prepared={prepared} ctx={ctx} onSaved={() => {}} />, root));
  }

  it('shows a view-only client disabled, marked "view only", and files under one’s own', async () => {
    const { db, acme, mine } = await setUp();
    await mount(db);
    const select = root.querySelector<HTMLSelectElement>('select[name=client]')!;
    const option = (id: string) => select.querySelector<HTMLOptionElement>(`option[value="${id}"]`)!;
    expect(option(acme.id).disabled).toBe(true);
    expect(option(acme.id).textContent).toBe('Acme Dental (view only)');
    expect(option(mine!.id).disabled).toBe(false);
    expect(select.value).toBe(mine!.id);
  });

  it('with only view-only clients: says there is nowhere to file, Save disabled, nothing written', async () => {
    const { db } = await setUp(true);
    const before = await Promise.all([db.items.count(), db.outbox.count()]);
    await mount(db);
    expect(root.querySelector('[data-testid=nowhere-to-file]')!.textContent).toBe(NOWHERE_TO_FILE);
    expect(root.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
    await act(() => root.querySelector<HTMLFormElement>('form')!.requestSubmit());
    await until(() => root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')!.textContent).toBe(NOWHERE_TO_FILE);
    expect(await Promise.all([db.items.count(), db.outbox.count()])).toEqual(before);
  });

  it('offers no attaching to an earlier capture of the page filed in a view-only log', async () => {
    // The same page, clipped into Acme's log while this account could still edit it.
    const { db } = await setUp(false, async (db, acmeId) => {
      const item = await fileItem(db, acmeId, 'Quote Q-1042');
      await saveCapture(db, alice, draft, { to: 'existing-item', itemId: item.id });
    });
    await mount(db);
    const notice = root.querySelector('[data-testid=duplicate]')!;
    expect(notice.textContent).toContain('Already captured (same page)');
    expect(notice.querySelector('button')).toBeNull();
    expect(notice.textContent).toContain('shared with you to view only');
  });
});

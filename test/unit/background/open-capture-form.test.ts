import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestFor } from '../../../extension/background/context-menus';
import { captureFormUrl, openCaptureForm, PENDING_KEY } from '../../../extension/background/open-capture-form';

describe('right-click and shortcut entry points', () => {
  beforeEach(() => fakeBrowser.reset());

  it('maps each menu to what the user asked to clip', () => {
    const base = { editable: false, pageUrl: 'https://portal.acme.com/q' };
    expect(requestFor({ ...base, menuItemId: 'docket-page' })).toEqual({ mode: 'page' });
    expect(requestFor({ ...base, menuItemId: 'docket-selection', selectionText: 'x' })).toEqual({ mode: 'selection' });
    expect(requestFor({ ...base, menuItemId: 'docket-link', linkUrl: 'https://portal.acme.com/q.pdf' })).toEqual({
      mode: 'link',
      linkUrl: 'https://portal.acme.com/q.pdf',
    });
    expect(requestFor({ ...base, menuItemId: 'docket-link' })).toBeNull();
    expect(requestFor({ ...base, menuItemId: 'something-else' })).toBeNull();
  });

  it('opens the toolbar popup with the request waiting in session storage', async () => {
    const openPopup = vi.fn(async () => {});
    fakeBrowser.action.openPopup = openPopup;
    await openCaptureForm(7, { mode: 'selection' });
    expect(openPopup).toHaveBeenCalledOnce();
    const stored = (await fakeBrowser.storage.session.get(PENDING_KEY))[PENDING_KEY];
    expect(stored).toMatchObject({ tabId: 7, request: { mode: 'selection' } });
  });

  it('falls back to the same form in a window when the popup cannot open', async () => {
    fakeBrowser.action.openPopup = vi.fn(async () => {
      throw new Error('not allowed');
    });
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await openCaptureForm(9, { mode: 'link', linkUrl: 'https://x.test/a b.pdf' });
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        url: captureFormUrl(9, { mode: 'link', linkUrl: 'https://x.test/a b.pdf' }),
        type: 'popup',
      }),
    );
    expect(captureFormUrl(9, { mode: 'link', linkUrl: 'https://x.test/a b.pdf' })).toMatch(
      /popup\.html\?tab=9&mode=link&link=https%3A%2F%2Fx\.test%2Fa\+b\.pdf$/,
    );
    expect((await fakeBrowser.storage.session.get(PENDING_KEY))[PENDING_KEY]).toBeUndefined();
  });
});

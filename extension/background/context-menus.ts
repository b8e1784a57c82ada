import { browser, type Browser } from 'wxt/browser';
import type { CaptureRequest } from '../capture/request';
import { openCaptureForm } from './open-capture-form';

const MENUS = [
  { id: 'docket-page', title: 'Clip this page into Docket', contexts: ['page', 'frame'] },
  { id: 'docket-selection', title: 'Clip the selection into Docket', contexts: ['selection'] },
  { id: 'docket-link', title: 'Clip the linked page or PDF into Docket', contexts: ['link'] },
] as const;

export function requestFor(info: Browser.contextMenus.OnClickData): CaptureRequest | null {
  if (info.menuItemId === 'docket-selection') return { mode: 'selection' };
  if (info.menuItemId === 'docket-page') return { mode: 'page' };
  if (info.menuItemId === 'docket-link' && info.linkUrl) return { mode: 'link', linkUrl: info.linkUrl };
  return null;
}

export function setUpContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll(() => {
      for (const menu of MENUS)
        browser.contextMenus.create({ id: menu.id, title: menu.title, contexts: [...menu.contexts] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const request = requestFor(info);
    if (request && tab?.id !== undefined) void openCaptureForm(tab.id, request);
  });
}

/** What the user asked to clip. `auto` = the selection if there is one, else the whole page. */
export type CaptureRequest = { mode: 'auto' | 'page' | 'selection' } | { mode: 'link'; linkUrl: string };

/** What the injected capture script answers. Plain JSON: it crosses from the page to the extension. */
export type InPageResult =
  | { ok: true; draft: import('../../shared/domain').CaptureDraft }
  | { ok: true; pdf: { url: string } }
  | { ok: false; code: string; message: string };

/** The global the first injection sets and the capture script reads (isolated world: the page cannot see it). */
export const REQUEST_GLOBAL = '__docketCaptureRequest';

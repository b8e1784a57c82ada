import type { CaptureDraft } from '../../shared/domain';
import type { TextHints } from '../../shared/hints/text-hints';
import type { KeptImage } from './images/keep';

/** A capture with the hints read from its text (read where the text is: in the page, or for PDFs in the form). */
export interface Captured {
  draft: CaptureDraft;
  text: TextHints;
  /** The images kept from the page (bytes and what the capture records of each); saved with the capture. */
  images?: KeptImage[];
}

/** What the user asked to clip. `auto` = the selection if there is one, else the whole page. */
export type CaptureRequest = { mode: 'auto' | 'page' | 'selection' } | { mode: 'link'; linkUrl: string };

/** What the injected capture script answers. Plain JSON: it crosses from the page to the extension. */
export type InPageResult =
  { ok: true; captured: Captured } | { ok: true; pdf: { url: string } } | { ok: false; code: string; message: string };

/** The global the first injection sets and the capture script reads (isolated world: the page cannot see it). */
export const REQUEST_GLOBAL = '__docketCaptureRequest';

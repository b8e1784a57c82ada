import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureInPage } from '../capture/in-page';
import { type CaptureRequest, REQUEST_GLOBAL } from '../capture/request';

// Injected on demand (activeTab + scripting); its return value is the executeScript result.
export default defineUnlistedScript(() =>
  captureInPage(document, (globalThis as Record<string, unknown>)[REQUEST_GLOBAL] as CaptureRequest | undefined),
);

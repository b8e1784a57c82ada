import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveSearch } from '../search/worker';

// Run as a dedicated Worker by the log page and the side panel (extension/search/client.ts), never injected.
export default defineUnlistedScript(() => serveSearch(self as unknown as Parameters<typeof serveSearch>[0]));

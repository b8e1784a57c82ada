import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * An HTML parser for the extractors, backed by jsdom with scripts and subresources off (captured pages are
 * untrusted). Call `close()` once the drafts are made so each document's window is released.
 */
export function htmlParser(): { parseHtml: (html: string, url: string) => Document; close: () => void } {
  const windows: Array<{ close: () => void }> = [];
  // Not forwarded anywhere: jsdom's own complaints about a page's CSS ("Could not parse CSS stylesheet") are noise
  // in the command's output, and the extractors never read style sheets.
  const virtualConsole = new VirtualConsole();
  return {
    parseHtml(html, url) {
      const options = { url: url.startsWith('http') || url.startsWith('file:') ? url : undefined, virtualConsole };
      try {
        const dom = new JSDOM(html, options);
        windows.push(dom.window);
        return dom.window.document;
      } catch {
        // jsdom parses every <style> as the page loads, and its CSS library throws on some sheets (`border: inherit`
        // then `border-width: 1px 2px` gives "Cannot create property 'border-width' on string 'inherit'"). A
        // DOMParser document has no window, so its sheets are never parsed; the extractors never read them.
        const dom = new JSDOM('', options);
        windows.push(dom.window);
        return new dom.window.DOMParser().parseFromString(html, 'text/html');
      }
    },
    close() {
      for (const window of windows.splice(0)) window.close();
    },
  };
}

import { JSDOM } from 'jsdom';

/**
 * An HTML parser for the extractors, backed by jsdom with scripts and subresources off (captured pages are
 * untrusted). Call `close()` once the drafts are made so each document's window is released.
 */
export function htmlParser(): { parseHtml: (html: string, url: string) => Document; close: () => void } {
  const windows: Array<{ close: () => void }> = [];
  return {
    parseHtml(html, url) {
      const dom = new JSDOM(html, { url: url.startsWith('http') || url.startsWith('file:') ? url : undefined });
      windows.push(dom.window);
      return dom.window.document;
    },
    close() {
      for (const window of windows.splice(0)) window.close();
    },
  };
}

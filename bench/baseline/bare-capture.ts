/**
 * The bare baseline: what any clipper gets from the two libraries Docket builds on, used as their READMEs show.
 * Bundled to an IIFE (bench/baseline/bundle.ts) and injected into the page's main world; the bench page calls
 * `__bareCapture()` through scripting.executeScript, so it pays the same round trip and result transfer as Docket.
 */
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

function bareCapture(): string {
  const article = new Readability(document.cloneNode(true) as Document).parse();
  if (!article?.content) throw new Error('Readability found no article');
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  service.use(gfm);
  return service.turndown(article.content);
}

Object.assign(globalThis, { __bareCapture: bareCapture });

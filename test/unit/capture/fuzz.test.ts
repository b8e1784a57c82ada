/**
 * Mutated pages never break a clip: the page fixtures (and generated pages) cut, duplicated, nested, with tags
 * dropped or unclosed and hostile or odd markup injected. Whatever comes in, extraction ends in a draft or a
 * CaptureError, a page with visible text gives a draft, and the Markdown carries nothing a renderer could run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlParser } from '../../../cli/html';
import { extractDocument } from '../../../extension/capture/extract-document';
import { fileToDraft } from '../../../extension/capture/file';
import { CaptureError } from '../../../extension/capture/text';
import { CaptureDraft } from '../../../shared/domain';

const DIR = new URL('../../fixtures/pages/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.html'))
  .map((name) => ({ name, html: readFileSync(new URL(name, DIR), 'utf8') }));

const urlFor = (name: string) =>
  name.startsWith('gmail')
    ? 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbKpHqRzzTnRlVbGqkSXxxx'
    : name.startsWith('outlook')
      ? 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NDEtMDACLTAwCgAQAN'
      : 'https://vendor.example/quotes/Q-1';

const TEXT = ['Renewal of the backup plan', 'Total CAD 12 400,00', 'עברית مرحبا', '🚀👩‍💻 emoji', '\u202eRTL\u202c'];

/** Markup that broke, or could break, a parser, a converter or a renderer. */
const SNIPPETS = [
  '<div><p><table><b>',
  '</div></div></td></table>',
  '<table></table><table><tbody></tbody></table><table><tr></tr></table>',
  `<div title="${'x'.repeat(40_000)}" data-x="${'&quot;'.repeat(2_000)}">big</div>`,
  '<style>.a { border: inherit; border-width: 1px 2px }</style>',
  '<p style="border: inherit; border-width: 1px 2px; display: block">styled</p>',
  '<div style="display:none">hidden text</div>',
  '&#0; &#xD800; &bogus; &#99999999; &amp &lt',
  '\u0000\u0001\u0008',
  '<script>alert(1)</script>',
  '<script>document.write("<p onclick=alert(1)>x</p>")',
  '<iframe srcdoc="<script>alert(1)</script>" src="javascript:alert(1)"></iframe>',
  '<svg><script>alert(1)</script><text>svg text</text><a href="javascript:alert(1)">s</a></svg>',
  '<math><mi>x</mi><annotation-xml><a href="javascript:alert(1)">m</a></annotation-xml></math>',
  '<a href="javascript:alert(1)">click</a> <a href=" java\tscript:alert(2)">tab</a>',
  '<img src=x onerror=alert(1)><img src="data:text/html,<script>alert(1)</script>">',
  '<p onclick="alert(1)" onmouseover=alert(2)>handlers</p>',
  '<noscript><p>noscript</p></noscript><template><p>template</p></template>',
  '<!-- unclosed comment',
  '<![CDATA[ cdata ]]>',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><input value=x><button formaction="javascript:alert(1)">b</button></form>',
  '<select><option>opt</option></select><textarea><p>in textarea</textarea>',
  '<a href="/x">&lt;script&gt;alert(1)&lt;/script&gt;</a>',
  '<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>',
  '<h1></h1><h2>   </h2><ul><li></li></ul>',
  '<object data="x.swf"><embed src="x.swf"></object>',
  '<title>second <b>title</b></title>',
];

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; snippet: string }
  | { op: 'dropTag'; nth: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'nest'; at: number; depth: number; tag: string };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constantFrom(...TEXT), fc.string({ maxLength: 40 })),
  }),
  fc.record({ op: fc.constant('dropTag' as const), nth: fc.nat(400) }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.nat(3_000) }),
  // Shallow enough that every run stays fast; much deeper nesting is read as text (see fallback.test.ts).
  fc.record({
    op: fc.constant('nest' as const),
    at: position,
    depth: fc.integer({ min: 1, max: 40 }),
    tag: fc.constantFrom('div', 'span', 'table', 'li', 'blockquote', 'td'),
  }),
);

function mutate(html: string, m: Mutation): string {
  const at = 'at' in m ? Math.floor(m.at * html.length) : 0;
  switch (m.op) {
    case 'truncate':
      return html.slice(0, at);
    case 'insert':
      return html.slice(0, at) + m.snippet + html.slice(at);
    case 'dropTag': {
      const tags = [...html.matchAll(/<[^>]+>/g)];
      const tag = tags.length ? tags[m.nth % tags.length]! : null;
      return tag ? html.slice(0, tag.index) + html.slice(tag.index + tag[0].length) : html;
    }
    case 'duplicate':
      return html.slice(0, at + m.length) + html.slice(at, at + m.length) + html.slice(at + m.length);
    case 'nest':
      return html.slice(0, at) + `<${m.tag}>`.repeat(m.depth) + html.slice(at);
  }
}

/** A page made up from scratch: headings, paragraphs, lists and tables of fuzzed text. */
const generated = fc
  .array(
    fc.tuple(
      fc.constantFrom('h1', 'h2', 'p', 'li', 'td', 'blockquote', 'pre', 'a'),
      fc.oneof(fc.constantFrom(...TEXT), fc.string()),
    ),
    { maxLength: 30 },
  )
  .map(
    (blocks) =>
      `<html><head><title>Generated</title></head><body>${blocks.map(([t, s]) => `<${t}>${s}</${t}>`).join('')}</body></html>`,
  );

const page = fc.record({
  source: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FIXTURES) },
    { weight: 1, arbitrary: generated.map((html) => ({ name: 'generated.html', html })) },
  ),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }),
});

const MARKER = 'Visible marker 4711';
const UNSEEN =
  'script, style, noscript, template, svg, math, iframe, select, textarea, button, title, head, object, [hidden], [style]';

/** What CommonMark passes through as raw HTML: an open or closing tag, a comment, a declaration, CDATA. */
const RAW_HTML = /<[a-z][a-z0-9-]*(?=[\s/>])|<\/[a-z][a-z0-9-]*\s*>|<!--|<\?|<![a-z[]/i;
/** A link, image or autolink target that runs script. */
const SCRIPT_LINK = /\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:|<(?:javascript|vbscript|data):/i;

/**
 * Nothing in the Markdown a renderer could run. Code blocks and spans are left out of the raw-HTML check, since
 * every renderer shows their content as text.
 */
function expectInert(markdown: string): void {
  const prose = markdown
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, '')
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
  expect(prose).not.toMatch(RAW_HTML);
  expect(markdown).not.toMatch(SCRIPT_LINK);
}

/** Whether the marker paragraph landed where it is shown (an unclosed tag before it can swallow it). */
function markerShown(doc: Document): boolean {
  const marker = doc.getElementById('fz-marker');
  return marker?.textContent === MARKER && !marker.parentElement?.closest(UNSEEN);
}

/**
 * The extractor on the parsed page, or the whole file path (charset, parse, extract) on its bytes: the draft, or
 * null for a CaptureError; anything else is thrown.
 */
async function clip(html: string, name: string, via: string, type: string) {
  const parser = htmlParser();
  const url = urlFor(name);
  let shown = false;
  try {
    if (via === 'file') {
      const file = { name, type, bytes: new TextEncoder().encode(html) };
      return { shown, draft: await fileToDraft(file, { parseHtml: parser.parseHtml, pdfjs: {} as never }) };
    }
    const doc = parser.parseHtml(html, url);
    shown = markerShown(doc) && !url.includes('mail'); // a webmail page with no open message is rightly refused
    return { shown, draft: extractDocument(doc, { url, mode: 'page' }) };
  } catch (error) {
    if (error instanceof CaptureError) return { shown, draft: null };
    throw error;
  } finally {
    parser.close();
  }
}

describe('fuzzed pages', () => {
  // One property for both paths keeps a run at 150 pages (FUZZ_RUNS=2000 for a longer hunt).
  it(
    'give a draft or a CaptureError, a draft whenever text is visible, and never markup',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          page,
          fc.boolean(),
          fc.constantFrom('dom', 'dom', 'file'),
          fc.constantFrom('', 'text/html', 'text/html; charset="x-bogus"; q=1'),
          async ({ source, mutations }, withMarker, via, type) => {
            let html = mutations.reduce(mutate, source.html);
            // Added after the mutations, so it lands wherever the mutated markup puts it.
            if (withMarker) html += `<p id="fz-marker">${MARKER}</p>`;
            const { shown, draft } = await clip(html, source.name, via, type);
            if (draft) {
              expect(CaptureDraft.parse(draft)).toEqual(draft);
              expectInert(draft.markdown);
            }
            if (shown) expect(draft).not.toBeNull();
          },
        ),
        { numRuns: Number(process.env.FUZZ_RUNS) || 150 },
      );
    },
  );
});

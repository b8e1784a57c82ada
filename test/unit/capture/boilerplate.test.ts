import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { dataCells, dropBoilerplate, stripChrome } from '../../../extension/capture/clean';
import { extractPage } from '../../../extension/capture/page';

const URL = 'https://www.ciodesk.com/blog/renewals';
const PARA = 'The renewal clause extends the term by twelve months unless notice is given sixty days before the end. ';
const body = (html: string) =>
  new JSDOM(`<!doctype html><title>Renewals | CIO Desk</title><body>${html}`, { url: URL }).window.document;

describe('boilerplate inside and around the content', () => {
  it('drops share bars, author boxes, newsletter boxes, unnamed cookie notices and link lists; keeps prose and tables', () => {
    const doc = body(
      `<div id="c"><p>${PARA}See <a href="/a">the clause</a>.</p>` +
        '<div class="share-bar"><a href="#">LinkedIn</a> <a href="#">Email</a></div>' +
        '<div class="author-box"><strong>About Maya</strong><p>Maya advises clinics on contracts.</p></div>' +
        '<div class="nl-widget x-newsletter"><h3>Stay in the loop</h3><p>Updates to your inbox.</p></div>' +
        '<div class="x1"><p>We use cookies to run this site. Accept all or reject.</p></div>' +
        '<ul><li><a href="/1">Backup pricing</a></li><li><a href="/2">Telecom terms</a></li><li><a href="/3">MFA</a></li></ul>' +
        '<table><tr><th>Seat</th><th>Price</th></tr><tr><td>Backup</td><td>$9</td></tr></table></div>',
    );
    const root = doc.getElementById('c')!;
    dropBoilerplate(root);
    const text = root.textContent!;
    expect(text).toContain('The renewal clause');
    expect(text).toContain('the clause');
    expect(text).toContain('$9');
    for (const gone of ['LinkedIn', 'About Maya', 'Stay in the loop', 'cookies', 'Telecom terms'])
      expect(text).not.toContain(gone);
  });

  it('keeps a block with a boilerplate-like name when it is large or holds a table', () => {
    const doc = body(
      `<div id="c"><div class="author-notes"><p>${PARA.repeat(5)}</p></div><div class="toc"><table><tr><td>1</td></tr></table></div></div>`,
    );
    const root = doc.getElementById('c')!;
    dropBoilerplate(root);
    expect(root.querySelector('.author-notes')).not.toBeNull();
    expect(root.querySelector('table')).not.toBeNull();
  });

  it('does not count a layout table as data, and cuts unlabelled chrome before the page heading', () => {
    const doc = body(
      '<table><tr><td><div class="k1"><a href="/">Home</a><p>Round-the-clock monitoring from our centre.</p></div></td>' +
        `<td><h1>Renewals</h1><p>${PARA}</p><table><tr><th>Term</th></tr><tr><td>12 months</td></tr></table></td></tr></table>`,
    );
    expect(dataCells(doc.body)).toBe(2);
    stripChrome(doc.body);
    expect(doc.body.textContent).not.toContain('Round-the-clock');
    expect(doc.body.textContent).toContain('12 months');
  });

  it('trusts the article of a page laid out in a table instead of falling back to the whole page', () => {
    const doc = body(
      '<form id="aspnetForm"><table width="100%"><tr><td colspan="2"><div class="menu"><a href="/">Home</a> <a href="/b">Blog</a> <a href="/c">Contact</a></div></td></tr>' +
        `<tr><td width="200"><div>Popular: <a href="/x">Backup</a></div></td><td><h1>Renewals</h1>${`<p>${PARA}</p>`.repeat(6)}</td></tr>` +
        '<tr><td colspan="2"><div class="footer">© 2026 CIO Desk, 10 King Street West, Toronto.</div></td></tr></table></form>',
    );
    const draft = extractPage(doc, { url: URL });
    expect(draft.warnings).toEqual([]);
    expect(draft.markdown).toContain('The renewal clause');
    expect(draft.markdown).not.toContain('King Street');
  });
});

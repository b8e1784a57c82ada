// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { expandFolded } from '../../../extension/capture/expand-folded';
import { extractDocument } from '../../../extension/capture/extract-document';
import { captureInPage } from '../../../extension/capture/in-page';
import { fixtureHtml, loadFixture } from '../../fixtures/pages/load';

const EARLIER = '## Earlier in this conversation';
const later = (doc: Document, fn: () => void) => doc.defaultView!.setTimeout(fn, 5);

function collapsedGmailMessage(doc: Document, n: number): Element {
  const wrap = doc.createElement('div');
  wrap.className = 'kv';
  wrap.setAttribute('role', 'listitem');
  wrap.setAttribute('aria-expanded', 'false');
  wrap.innerHTML =
    `<div class="adn" data-legacy-message-id="193b0c0ffee0010${n}"><div class="gs">` +
    `<span email="sales@harbor-networks.example" name="Luis Ortega" class="gD">Luis Ortega</span>` +
    `<span class="g3" title="Tue, Nov ${16 + n}, 2026, 10:00 AM">Nov ${16 + n}</span>` +
    `<div class="iA g6">Folded message ${n} preview</div></div></div>`;
  return wrap;
}

/** A stand-in for Gmail's own scripts: the fold opens into collapsed messages, a collapsed message opens its body. */
function fakeGmail(doc: Document) {
  doc.querySelector('.adx')!.addEventListener('click', () =>
    later(doc, () => {
      const fold = doc.querySelector('.kQ.adv')!;
      for (const n of [2, 3, 4]) fold.before(collapsedGmailMessage(doc, n));
      doc.querySelectorAll('.kQ').forEach((el) => el.remove());
    }),
  );
  doc.addEventListener('click', (e) => {
    const row = (e.target as Element).closest('.kv[aria-expanded="false"]');
    if (!row) return;
    later(doc, () => {
      row.setAttribute('aria-expanded', 'true');
      const body = doc.createElement('div');
      body.className = 'a3s aiL';
      body.textContent = `Full text of ${row.querySelector('.iA')!.textContent!.replace(' preview', '')}.`;
      row.querySelector('.gs')!.append(body);
    });
  });
}

describe('Gmail: a conversation with header details and folded messages', () => {
  it('reads to, cc and bcc from the header details and the date from the stated instant', () => {
    const { doc, url } = loadFixture('gmail-folded-thread.html');
    const draft = extractDocument(doc, { url, mode: 'page' });
    expect(draft.email).toMatchObject({
      from: { name: 'Dana Whitfield', address: 'dana@northwind-advisory.com' },
      to: [{ name: 'Luis Ortega', address: 'sales@harbor-networks.example' }],
      cc: [{ name: 'Marc Gagnon', address: 'marc.gagnon@lavallogistics.ca' }],
      bcc: [{ name: 'Laval Board', address: 'board@lavallogistics.ca' }],
      // 9:41 AM in the account's zone (Toronto, UTC-5), whatever zone runs this test.
      date: '2026-12-02T14:41:00.000Z',
    });
    expect(draft.warnings).toEqual([
      'Gmail: 1 message of this conversation stayed collapsed; only its sender, date and preview were captured.',
      'Gmail: 3 messages were folded away in this conversation and not captured; show them and clip again to include them.',
    ]);
  });

  it('opens the fold and the collapsed messages before reading, so all five are captured', async () => {
    const { doc, url } = loadFixture('gmail-folded-thread.html');
    fakeGmail(doc);
    const result = await expandFolded(doc, url, { timeoutMs: 2000 });
    expect(result).toEqual({ clicked: 5, settled: true }); // the fold, then four collapsed messages
    const draft = extractDocument(doc, { url, mode: 'page' });
    const earlier = draft.markdown.split(EARLIER)[1] ?? '';
    expect(earlier.match(/^### Luis Ortega/gm)).toHaveLength(4);
    for (const n of [2, 3, 4]) expect(earlier).toContain(`Full text of Folded message ${n}.`);
    expect(draft.warnings).toEqual([]);
  });

  it('when the page does not answer, waits no longer than asked and names how many were not captured', async () => {
    const { doc, url } = loadFixture('gmail-folded-thread.html');
    const started = Date.now();
    const result = await expandFolded(doc, url, { timeoutMs: 80 });
    expect(result.settled).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
    const draft = extractDocument(doc, { url, mode: 'page' });
    expect(draft.warnings.join(' ')).toMatch(/3 messages were folded away .* not captured/);
  });

  it('opens the header details when Gmail has not rendered them yet, then closes them', async () => {
    const html = fixtureHtml('gmail-folded-thread.html').replace(
      /<div class="ajA SK"[\s\S]*?<\/tbody><\/table><\/div><\/div>/,
      '',
    );
    const { doc, url } = loadFixture('gmail-folded-thread.html', html);
    const details = fixtureHtml('gmail-folded-thread.html').match(
      /<div class="ajA SK"[\s\S]*?<\/tbody><\/table><\/div><\/div>/,
    )![0];
    let toggles = 0;
    doc.querySelector('img.ajz')!.addEventListener('click', () => {
      toggles++;
      if (toggles === 1) later(doc, () => doc.querySelector('.ajw')!.insertAdjacentHTML('afterend', details));
    });
    expect(extractDocument(doc, { url, mode: 'page' }).email?.cc).toEqual([]);
    await expandFolded(doc, url, { timeoutMs: 2000 });
    expect(toggles).toBe(2);
    const draft = extractDocument(doc, { url, mode: 'page' });
    expect(draft.email?.bcc).toEqual([{ name: 'Laval Board', address: 'board@lavallogistics.ca' }]);
    expect(draft.warnings.join(' ')).not.toMatch(/header details/);
  });

  it('without the details, lists everyone under to and says cc and bcc could not be told apart', () => {
    const html = fixtureHtml('gmail-folded-thread.html').replace(
      /<div class="ajA SK"[\s\S]*?<\/tbody><\/table><\/div><\/div>/,
      '',
    );
    const { doc, url } = loadFixture('gmail-folded-thread.html', html);
    const draft = extractDocument(doc, { url, mode: 'page' });
    expect(draft.email?.to.map((m) => m.address)).toEqual([
      'sales@harbor-networks.example',
      'marc.gagnon@lavallogistics.ca',
      'board@lavallogistics.ca',
    ]);
    expect(draft.email?.cc).toEqual([]);
    expect(draft.warnings).toContain(
      "Gmail: the message's header details were not open, so cc and bcc could not be told apart; every recipient is listed under to.",
    );
  });

  it('captureInPage expands a page capture but leaves the page alone for a selection', async () => {
    const page = loadFixture('gmail-folded-thread.html');
    fakeGmail(page.doc);
    const result = await captureInPage(page.doc, { mode: 'page' });
    expect(result.ok && 'captured' in result && result.captured.draft.warnings).toEqual([]);

    const sel = loadFixture('gmail-folded-thread.html');
    fakeGmail(sel.doc);
    const p = sel.doc.querySelector('.a3s div:nth-child(3)')!;
    const range = sel.doc.createRange();
    range.selectNodeContents(p);
    sel.doc.getSelection()!.addRange(range);
    const before = sel.doc.documentElement.outerHTML;
    const picked = await captureInPage(sel.doc, undefined);
    expect(picked.ok && 'captured' in picked && picked.captured.draft.kind).toBe('selection');
    expect(sel.doc.documentElement.outerHTML).toBe(before);
  });

  it('does nothing on a page that is not webmail', async () => {
    const { doc } = loadFixture('gmail-folded-thread.html');
    const before = doc.documentElement.outerHTML;
    expect(await expandFolded(doc, 'https://portal.acme-cloud.com/quotes/1')).toEqual({ clicked: 0, settled: false });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { expandFolded } from '../../../extension/capture/expand-folded';
import { extractDocument } from '../../../extension/capture/extract-document';
import { fixtureHtml, loadFixture } from '../../fixtures/pages/load';

const EARLIER = '## Earlier in this conversation';
const later = (doc: Document, fn: () => void) => doc.defaultView!.setTimeout(fn, 5);
const withoutClasses = (html: string) => html.replace(/\sclass="[^"]*"/g, '');

function collapsedItem(doc: Document, n: number): Element {
  const item = doc.createElement('div');
  item.setAttribute('role', 'listitem');
  item.setAttribute('aria-expanded', 'false');
  item.innerHTML =
    `<div aria-label="From: Keystone SaaS Billing">Keystone SaaS Billing</div><div>Reminder ${n} preview</div>` +
    `<div data-testid="SentReceivedSavedTime" title="Wed 11/${10 + n}/2026 9:00 AM">Wed 11/${10 + n}</div>`;
  return item;
}

/** A stand-in for Outlook's scripts: "See 2 more messages" adds two collapsed items; a collapsed item opens. */
function fakeOutlook(doc: Document) {
  const more = doc.querySelector('[aria-label="See 2 more messages"]')!;
  more.addEventListener('click', () =>
    later(doc, () => {
      more.after(collapsedItem(doc, 1), collapsedItem(doc, 2));
      more.remove();
    }),
  );
  let n = 10;
  doc.addEventListener('click', (e) => {
    const item = (e.target as Element).closest('[aria-expanded="false"]');
    if (!item) return;
    later(doc, () => {
      item.setAttribute('aria-expanded', 'true');
      const preview = item.children[1]!.textContent!.replace(' preview', '');
      item.children[1]!.outerHTML = `<div id="UniqueMessageBody_${n++}" role="document"><p>Full text of ${preview}.</p></div>`;
    });
  });
}

describe('Outlook on the web: a conversation with collapsed items (English UI, new build)', () => {
  it('reads headers with bcc, the stated instant, and says what stayed collapsed or hidden', () => {
    const { doc, url } = loadFixture('outlook-collapsed-thread.html');
    const draft = extractDocument(doc, { url, mode: 'page' });
    expect(draft.email).toMatchObject({
      subject: 'RE: Seat price change for 2027 – Laval Logistics',
      from: { name: 'Dana Whitfield', address: 'dana@northwind-advisory.com' },
      to: [{ name: 'Keystone SaaS Billing', address: 'billing@keystone-saas.example' }],
      cc: [{ name: 'Marc Gagnon (IT)', address: 'marc.gagnon@lavallogistics.ca' }],
      bcc: [{ name: 'Laval Board', address: 'board@lavallogistics.ca' }],
      date: '2026-11-25T13:30:00.000Z',
      threadId: 'AAQkADkeystoneConv01',
      attachments: [{ name: 'Laval_seat_count.xlsx', size: '14 KB' }],
    });
    expect(draft.warnings).toEqual([
      'Outlook: 1 message of this conversation stayed collapsed; only its sender, date and preview were captured.',
      'Outlook: 2 messages were folded away in this conversation and not captured; show them and clip again to include them.',
    ]);
    expect(draft.markdown.split(EARLIER)[1]).toContain(
      '- **Keystone SaaS Billing**, Mon 11/23/2026 4:02 PM: From March 1, 2027 each seat costs $18',
    );
  });

  it('needs no class name: the same headers with every class attribute removed, in both Outlook fixtures', () => {
    for (const name of ['outlook-collapsed-thread.html', 'outlook-reading-pane.html'] as const) {
      const plain = loadFixture(name, withoutClasses(fixtureHtml(name)));
      const full = loadFixture(name);
      const a = extractDocument(plain.doc, { url: plain.url, mode: 'page' });
      const b = extractDocument(full.doc, { url: full.url, mode: 'page' });
      expect(a.email).toEqual(b.email);
      expect(a.markdown).toBe(b.markdown);
      expect(a.warnings).toEqual(b.warnings);
    }
  });

  it('opens the hidden and collapsed messages before reading', async () => {
    const { doc, url } = loadFixture('outlook-collapsed-thread.html');
    fakeOutlook(doc);
    // The control first, then the three collapsed items (one shown, two it revealed).
    expect(await expandFolded(doc, url, { timeoutMs: 2000 })).toEqual({ clicked: 4, settled: true });
    const draft = extractDocument(doc, { url, mode: 'page' });
    const earlier = draft.markdown.split(EARLIER)[1] ?? '';
    expect(earlier).toContain('Full text of Reminder 1.');
    expect(earlier).toContain('Full text of Reminder 2.');
    expect(earlier).toContain('each seat costs $18 instead of $15');
    expect(draft.warnings).toEqual([]);
  });

  it('reads "Cci" in the French UI as bcc, not cc', () => {
    const html = fixtureHtml('outlook-reading-pane.html').replace(
      'aria-label="Cc : Service à la clientèle Affaires"',
      'aria-label="Cci : Service à la clientèle Affaires"',
    );
    const { doc, url } = loadFixture('outlook-reading-pane.html', html);
    const email = extractDocument(doc, { url, mode: 'page' }).email;
    expect(email?.cc).toEqual([]);
    expect(email?.bcc).toEqual([
      { name: 'Service à la clientèle Affaires', address: 'affaires@telecom-boreal.example' },
    ]);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CaptureDraft } from '../../../shared/domain';
import { extractDocument } from '../../../extension/capture/extract-document';
import { extractOutlook } from '../../../extension/capture/outlook';
import { browserTimeZone } from '../../../extension/capture/message-date';
import { fixtureHtml, loadFixture } from '../../fixtures/pages/load';

describe('Outlook on the web: telecom price-change notice (French UI)', () => {
  const { doc, url } = loadFixture('outlook-reading-pane.html');
  const before = doc.documentElement.outerHTML;
  const draft = extractDocument(doc, { url, mode: 'page' });
  const [latest = '', earlier = ''] = draft.markdown.split('## Earlier in this conversation');

  it('reads the headers through the localised aria labels', () => {
    expect(() => CaptureDraft.parse(draft)).not.toThrow();
    expect(draft.kind).toBe('email');
    expect(draft.email).toEqual({
      subject: 'Avis de modification tarifaire – Fibre Affaires 1 Gbit/s (compte 7731-0042)',
      from: { name: 'Julie Tremblay', address: 'julie.tremblay@telecom-boreal.example' },
      to: [
        { name: 'Dana Whitfield', address: 'dana@northwind-advisory.com' },
        { name: 'Marc Gagnon (TI)', address: 'marc.gagnon@lavallogistics.ca' },
      ],
      cc: [{ name: 'Service à la clientèle Affaires', address: 'affaires@telecom-boreal.example' }],
      bcc: [],
      // "ven. 10/04/2026": the weekday (Friday) settles day/month order: 10 April, not 4 October.
      date: new Date(2026, 3, 10, 13, 25).toISOString(),
      messageId: 'AAQkADAwATM0MDAAMS1iNTcwLWI2NDEtMDACLTAwCgAQAN+x9z/hQ2xGk7+5Ww==',
      threadId: 'AAQkADAwATM0MDAAMS1iNTcwLWI2NDEtMDACLTAwCgAQAN+x9z/hQ2xGk7+5Ww==',
      attachments: [
        { name: 'Grille_tarifaire_2026.pdf', size: '245 Ko' },
        { name: 'Avis_modification_contrat.pdf', size: '88 Ko' },
      ],
      provider: 'outlook',
    });
    expect(draft.warnings).toEqual([
      `Outlook: the page gave no time zone for "ven. 10/04/2026 13:25"; it was read in this browser's time zone (${browserTimeZone()}). Check it if the mail account uses another.`,
      'Outlook: 1 message of this conversation stayed collapsed; only its sender, date and preview were captured.',
    ]);
  });

  it('keeps the new text and the price table, without the x_-prefixed reply history', () => {
    expect(latest).toContain('le tarif mensuel passera de 189,00 $ à 214,00 $');
    expect(latest).toContain('| Bloc de 5 adresses IP fixes | 25,00 $ | 30,00 $ |');
    expect(latest).toContain('préavis de 60 jours');
    expect(latest).not.toContain('Envoyé :');
    expect(latest).not.toContain('montant exact pour notre bloc');
    expect(latest).not.toContain('rps_5f2a'); // the sender's CSS
  });

  it('lists the collapsed earlier message by sender, date and preview', () => {
    expect(earlier.trim()).toBe(
      "- **Dana Whitfield**, mar. 07/04/2026 09:12: Bonjour Julie, pourriez-vous confirmer la date d'entrée en vigueur de la hausse ?",
    );
  });

  it('does not change the live page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('Outlook on the web: other shapes', () => {
  it('warns when a numeric date is ambiguous and no weekday settles it', () => {
    const html = fixtureHtml('outlook-reading-pane.html')
      .replace('<html lang="fr"', '<html lang="en-US"')
      .replace('>ven. 10/04/2026 13:25<', ' title="4/10/2026 1:25 PM">Fri 4/10<');
    const { doc, url } = loadFixture('outlook-reading-pane.html', html);
    const draft = extractOutlook(doc, { url });
    expect(draft.email?.date).toBe(new Date(2026, 3, 10, 13, 25).toISOString());
    expect(draft.warnings.join(' ')).toMatch(/4\/10\/2026 1:25 PM.*ambiguous.*month\/day/);
  });

  it('reads English labels, the /mail/id/ URL form and an hr-then-From reply block', () => {
    const html =
      '<html lang="en"><body><div id="ReadingPaneContainerId" role="main">' +
      '<span id="x_SUBJECT" role="heading">Your SaaS seat price is changing</span>' +
      '<div aria-label="From: Keystone SaaS Billing <billing@keystone-saas.example>">Keystone SaaS Billing</div>' +
      '<div aria-label="To: dana@northwind-advisory.com">dana@northwind-advisory.com</div>' +
      '<div data-testid="SentReceivedSavedTime" title="Wed 11/25/2026 8:30 AM">Wed 11/25/2026 8:30 AM</div>' +
      '<div id="UniqueMessageBody_7" role="document" aria-label="Message body"><div class="rps_1"><p>From March 1, 2027 each seat costs $18 instead of $15.</p>' +
      '<hr><p><b>From:</b> Dana</p><p>Old question about seats.</p></div></div>' +
      '<button aria-label="Pricing_2027.xlsx attachment">Pricing_2027.xlsx</button></div></body></html>';
    const { doc } = loadFixture('outlook-reading-pane.html', html);
    const draft = extractOutlook(doc, { url: 'https://outlook.live.com/mail/0/id/AQMk%2FABC%3D' });
    expect(draft.email).toMatchObject({
      subject: 'Your SaaS seat price is changing',
      from: { name: 'Keystone SaaS Billing', address: 'billing@keystone-saas.example' },
      to: [{ name: '', address: 'dana@northwind-advisory.com' }],
      date: new Date(2026, 10, 25, 8, 30).toISOString(),
      messageId: 'AQMk/ABC=',
      attachments: [{ name: 'Pricing_2027.xlsx', size: null }],
    });
    expect(draft.markdown).toBe('From March 1, 2027 each seat costs $18 instead of $15.');
  });

  it('refuses when no message is open', () => {
    const html =
      '<html><body><div id="MailList" role="listbox"><div role="option">Inbox item</div></div></body></html>';
    const { doc } = loadFixture('outlook-reading-pane.html', html);
    expect(() => extractDocument(doc, { url: 'https://outlook.office365.com/mail/inbox', mode: 'page' })).toThrow(
      expect.objectContaining({ code: 'no-open-message' }),
    );
  });

  it('falls back to the reading pane, with a warning, when the body is not found', () => {
    const html = fixtureHtml('outlook-reading-pane.html').replace('id="UniqueMessageBody_1"', 'id="Body_renamed"');
    const { doc, url } = loadFixture('outlook-reading-pane.html', html);
    const draft = extractOutlook(doc, { url });
    expect(draft.warnings.join(' ')).toMatch(/body was not found/);
    expect(draft.markdown).toContain('214,00 $');
    expect(draft.email?.subject).toContain('Avis de modification tarifaire');
  });
});

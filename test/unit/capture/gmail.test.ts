// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CaptureDraft } from '../../../shared/domain';
import { CaptureError, extractDocument } from '../../../extension/capture/extract-document';
import { extractGmail } from '../../../extension/capture/gmail';
import { browserTimeZone } from '../../../extension/capture/message-date';
import { fixtureHtml, loadFixture } from '../../fixtures/pages/load';

const EARLIER = '## Earlier in this conversation';

describe('Gmail: renewal thread', () => {
  const { doc, url } = loadFixture('gmail-renewal-thread.html');
  const before = doc.documentElement.outerHTML;
  const draft = extractDocument(doc, { url, mode: 'page' });
  const [latest = '', earlier = ''] = draft.markdown.split(EARLIER);

  it('is an e-mail draft with the headers of the latest message', () => {
    expect(() => CaptureDraft.parse(draft)).not.toThrow();
    expect(draft.kind).toBe('email');
    expect(draft.source.title).toBe('Action required: Acme Cloud Backup renewal – 2027 pricing');
    expect(draft.email).toEqual({
      subject: 'Action required: Acme Cloud Backup renewal – 2027 pricing',
      from: { name: 'Priya Shah', address: 'priya.shah@acme-cloud.com' },
      to: [
        { name: 'Dana Whitfield', address: 'dana@northwind-advisory.com' },
        { name: 'Marc Gagnon', address: 'marc.gagnon@lavallogistics.ca' },
      ],
      // Without the header details open, Gmail's summary line cannot tell to from cc.
      cc: [],
      bcc: [],
      // No absolute timestamp on the page: the wall clock is read in the engine's zone, with a warning.
      date: new Date(2026, 10, 24, 10, 8).toISOString(),
      messageId: '1938a2b4c5d6e7f9',
      threadId: '1938a2b4c5d6e7f8',
      attachments: [{ name: 'Renewal_Quote_2027.pdf', size: '184 KB' }],
      provider: 'gmail',
    });
    expect(draft.warnings).toEqual([
      `Gmail: the page gave no time zone for "Tue, Nov 24, 2026, 10:08 AM"; it was read in this browser's time zone (${browserTimeZone()}). Check it if the mail account uses another.`,
      "Gmail: the message's header details were not open, so cc and bcc could not be told apart; every recipient is listed under to.",
      'Gmail: 1 message of this conversation stayed collapsed; only its sender, date and preview were captured.',
    ]);
  });

  it('puts the new text first, without the quoted history', () => {
    expect(latest).toContain('| Enterprise seat (per month) | $32.00 | $37.50 |');
    expect(latest).toContain('| Monthly total | $3,840 | $4,500 |');
    expect(latest).toContain('signed before **December 15, 2026**');
    expect(latest).not.toContain('whether the 3-year term discount still applies');
    expect(latest).not.toContain('wrote:');
    expect(draft.excerpt).toMatch(/^Hi Dana, Thanks for your patience\./);
  });

  it('keeps the real link target and the original image behind the proxy, and drops the tracking pixel', () => {
    expect(latest).toContain('[customer portal](https://portal.acme-cloud.com/quotes/Q-2026-1042)');
    expect(latest).not.toContain('google.com/url');
    expect(latest).toContain('![Acme Cloud](https://www.acme-cloud.com/email/acme-cloud-logo.png)');
    expect(draft.markdown).not.toContain('googleusercontent');
  });

  it('lists the earlier messages: the expanded one with its own text, the collapsed one by snippet', () => {
    expect(earlier).toContain('### Dana Whitfield (dana@northwind-advisory.com), Tue, Nov 10, 2026, 3:12 PM');
    expect(earlier).toContain('whether the 3-year term discount still applies? Laval Logistics is reviewing');
    expect(earlier).toContain(
      '- **Priya Shah (priya.shah@acme-cloud.com)**, Tue, Nov 3, 2026, 4:45 PM: Hi Dana, a reminder',
    );
    // Dana's own quote of the first message is history too.
    expect(earlier.match(/renews on January 1, 2027/g)).toHaveLength(1);
    expect(earlier.indexOf('Priya Shah (priya')).toBeLessThan(earlier.indexOf('### Dana'));
  });

  it('does not change the live page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('Gmail: degraded pages', () => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgz';

  it('leaves the date empty, with a warning, when only a relative date is shown', () => {
    const html = fixtureHtml('gmail-renewal-thread.html').replace(
      'title="Tue, Nov 24, 2026, 10:08 AM" alt="Tue, Nov 24, 2026, 10:08 AM"',
      '',
    );
    const { doc } = loadFixture('gmail-renewal-thread.html', html);
    const draft = extractGmail(doc, { url });
    expect(draft.email?.date).toBeNull();
    expect(draft.warnings.join(' ')).toMatch(/relative date \("10:08 AM \(2 hours ago\)"\).*left empty/);
  });

  it('refuses the inbox list (no open conversation)', () => {
    const inbox =
      '<html><body><div role="main"><table class="F cf zt"><tr class="zA zE"><td><span class="bA4"><span email="priya.shah@acme-cloud.com" name="Priya Shah">Priya Shah</span></span></td><td><span class="bog">Action required</span> <span class="y2">Hi Dana…</span></td></tr></table></div></body></html>';
    const { doc } = loadFixture('gmail-renewal-thread.html', inbox);
    expect(() => extractDocument(doc, { url: 'https://mail.google.com/mail/u/0/#inbox', mode: 'page' })).toThrow(
      expect.objectContaining({
        code: 'no-open-message',
        message: 'Open the e-mail you want to clip, then try again.',
      }),
    );
    expect(() => extractGmail(doc, { url })).toThrow(CaptureError);
  });

  it('falls back to the visible conversation, with a warning, when no message body is found', () => {
    const html = fixtureHtml('gmail-renewal-thread.html').replaceAll('a3s aiL', 'body-renamed');
    const { doc } = loadFixture('gmail-renewal-thread.html', html);
    const draft = extractGmail(doc, { url });
    expect(draft.warnings.join(' ')).toMatch(/body was not found/);
    expect(draft.markdown).toContain('$37.50');
    expect(draft.email?.subject).toBe('Action required: Acme Cloud Backup renewal – 2027 pricing');
    expect(draft.email?.threadId).toBe('1938a2b4c5d6e7f8');
  });

  it('keeps a forwarded message, which is all inside gmail_quote', () => {
    const html =
      '<html><body><div role="main"><h2 class="hP" data-legacy-thread-id="abc">Fwd: Telecom quote</h2>' +
      '<div class="adn ads" data-legacy-message-id="m1"><span class="gD" email="dana@northwind-advisory.com" name="Dana Whitfield">Dana</span>' +
      '<span class="g3" title="Mon, Dec 7, 2026, 9:00 AM">9:00 AM</span><div class="a3s aiL"><div dir="ltr"><br>' +
      '<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Sales &lt;sales@telco.example&gt;</div>' +
      '<p>Quote TQ-77: DIA 500 Mbit/s at $1,150/month.</p></div></div></div></div></div></body></html>';
    const { doc } = loadFixture('gmail-renewal-thread.html', html);
    const draft = extractGmail(doc, { url });
    expect(draft.markdown).toContain('Quote TQ-77: DIA 500 Mbit/s at $1,150/month.');
    expect(draft.email?.messageId).toBe('m1');
    expect(draft.email?.date).toBe(new Date(2026, 11, 7, 9, 0).toISOString());
  });
});

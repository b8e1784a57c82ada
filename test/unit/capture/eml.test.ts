import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emlToDraft } from '../../../extension/capture/eml';
import { CaptureError } from '../../../extension/capture/text';
import { CaptureDraft } from '../../../shared/domain';

const fixture = (name: string) =>
  readFile(new URL(`../../fixtures/eml/${name}`, import.meta.url)).then((b) => new Uint8Array(b));
const parseHtml = (html: string) => new JSDOM(html).window.document;

describe('emlToDraft: a multipart vendor renewal with quoted history and a PDF attachment', () => {
  it('reads the headers, thread and attachment', async () => {
    const draft = await emlToDraft(await fixture('vendor-renewal.eml'), { fileName: 'vendor-renewal.eml', parseHtml });
    expect(CaptureDraft.parse(draft)).toEqual(draft);
    expect(draft.kind).toBe('email');
    expect(draft.source).toEqual({
      url: null,
      title: 'Re: Acme Cloud renewal for Northwind Dental',
      site: 'acme-cloud.com',
    });
    expect(draft.email).toEqual({
      subject: 'Re: Acme Cloud renewal for Northwind Dental',
      from: { name: 'Dana Reyes', address: 'dana.reyes@acme-cloud.com' },
      to: [{ name: 'Alex Martin', address: 'alex@vcio-partners.com' }],
      cc: [
        { name: 'Sam Lee', address: 'sam.lee@northwind-dental.com' },
        { name: '', address: 'ops@northwind-dental.com' },
      ],
      bcc: [],
      date: '2026-11-03T14:15:00.000Z',
      messageId: 'CAF=renewal-2@mail.acme-cloud.com',
      threadId: 'CAF=renewal-0@mail.acme-cloud.com',
      attachments: [{ name: 'Acme-Renewal-Quote-2027.pdf', size: '1 KB' }],
      provider: 'eml',
    });
  });

  it('prefers the HTML part, keeps its pricing table and drops the quoted history', async () => {
    const draft = await emlToDraft(await fixture('vendor-renewal.eml'), { parseHtml });
    expect(draft.markdown).toContain('The new rate is **$4,800/month** from January 1, 2027');
    expect(draft.markdown).toContain('| Managed services | $4,500/month | $4,800/month |');
    expect(draft.markdown.trim().endsWith('Dana')).toBe(true);
    expect(draft.markdown).not.toMatch(/wrote:|could you send the renewal pricing|alert/);
    expect(draft.warnings).toEqual(['Earlier messages quoted in this e-mail were left out.']);
    expect(draft.excerpt).toMatch(/^Hi Alex, Attached is the renewal quote/);
    expect(draft.excerpt).not.toMatch(/---|\|/);
  });

  it('drops the history without a DOM parser too (text-level pass on the Markdown)', async () => {
    const draft = await emlToDraft(await fixture('vendor-renewal.eml'));
    expect(draft.markdown).toContain('Please confirm by December 1, 2026');
    expect(draft.markdown).not.toMatch(/wrote:|could you send the renewal pricing/);
  });
});

describe('emlToDraft: Outlook replies', () => {
  it('cuts a plain-text reply at "-----Original Message-----" and threads by In-Reply-To', async () => {
    const draft = await emlToDraft(await fixture('outlook-reply.eml'));
    expect(draft.email?.subject).toBe('RE: Circuit upgrade quote');
    expect(draft.email?.messageId).toBe('DM6PR11MB4321.namprd11.prod.outlook.com');
    expect(draft.email?.threadId).toBe('BY5PR02MB6789.namprd02.prod.outlook.com');
    expect(draft.email?.date).toBe('2026-11-04T17:42:10.000Z');
    expect(draft.email?.attachments).toEqual([]);
    expect(draft.markdown).toBe(
      'Alex,\n\nWe can do the 1 Gbps upgrade for $3,900/month on a 24-month term.\n' +
        'The quote is valid until November 30, 2026.\n\nRegards,\nPriya Shah\nFibreLink Networks',
    );
  });

  it('removes #divRplyFwdMsg and what follows it in an Outlook on the web reply', async () => {
    const draft = await emlToDraft(await fixture('outlook-web-reply.eml'), { parseHtml });
    expect(draft.markdown).toBe('Contract signed and attached to the ticket. Install date: December 7, 2026.');
    expect(draft.email?.threadId).toBeNull();
  });

  it('cuts at a "From: … Sent: …" block with no Original Message line', async () => {
    const raw = [
      'From: Priya <priya@fibrelink.net>',
      'Subject: RE: quote',
      '',
      'Confirmed at $3,900/month.',
      '',
      '________________________________',
      'From: Alex Martin <alex@vcio-partners.com>',
      'Sent: Monday, November 2, 2026 3:10 PM',
      'Subject: quote',
      '',
      'Old question',
    ].join('\r\n');
    expect((await emlToDraft(raw)).markdown).toBe('Confirmed at $3,900/month.');
  });
  it('keeps the Bcc header of a sent message apart from Cc', async () => {
    const raw = [
      'From: Alex Martin <alex@vcio-partners.com>',
      'To: Priya <priya@fibrelink.net>',
      'Cc: Sam Lee <sam.lee@northwind-dental.com>',
      'Bcc: Board <board@northwind-dental.com>',
      'Subject: quote accepted',
      '',
      'We accept quote Q-77.',
    ].join('\r\n');
    const { email } = await emlToDraft(raw);
    expect(email?.cc).toEqual([{ name: 'Sam Lee', address: 'sam.lee@northwind-dental.com' }]);
    expect(email?.bcc).toEqual([{ name: 'Board', address: 'board@northwind-dental.com' }]);
  });
});

describe('emlToDraft: encoded words and quoted history in French', () => {
  it('decodes the subject and sender name and drops "Le … a écrit :"', async () => {
    const draft = await emlToDraft(await fixture('french-renewal.eml'));
    expect(draft.email?.subject).toBe('Renouvellement de votre contrat – 12 000 € HT par an');
    expect(draft.source.title).toBe('Renouvellement de votre contrat – 12 000 € HT par an');
    expect(draft.email?.from).toEqual({ name: 'Hélène Dubois', address: 'helene.dubois@telecom-exemple.fr' });
    expect(draft.email?.date).toBe('2026-11-06T09:30:00.000Z');
    expect(draft.markdown).toContain('Le renouvellement est proposé à 12 000 € HT par an.');
    expect(draft.markdown).not.toMatch(/a écrit|Pouvez-vous/);
  });
});

describe('emlToDraft keeps what is evidence', () => {
  it('removes .gmail_quote by element when it has no "wrote:" line', async () => {
    const raw =
      'From: a@b.com\r\nSubject: Re: x\r\nContent-Type: text/html\r\n\r\n<p>New price: $900</p><div class="gmail_quote">Old price: $800</div>';
    expect((await emlToDraft(raw, { parseHtml })).markdown).toBe('New price: $900');
  });

  it('keeps the forwarded message of a forward', async () => {
    const raw = [
      'From: Sam Lee <sam.lee@northwind-dental.com>',
      'Subject: Fwd: Price increase notice',
      '',
      'FYI, see below.',
      '',
      '---------- Forwarded message ---------',
      'From: Billing <billing@acme-cloud.com>',
      'Date: Mon, 2 Nov 2026 at 09:00',
      'Subject: Price increase notice',
      '',
      'Your plan goes to $5,100/month on February 1, 2027.',
    ].join('\r\n');
    const draft = await emlToDraft(raw);
    expect(draft.markdown).toContain('Your plan goes to $5,100/month on February 1, 2027.');
    expect(draft.warnings).toEqual([]);
  });

  it('keeps everything when the reply has nothing above the quote', async () => {
    const raw =
      'From: a@b.com\r\nSubject: Re: x\r\n\r\nOn Mon, Nov 2, 2026 Alex wrote:\r\n> The contract ends March 31, 2027.';
    const draft = await emlToDraft(raw);
    expect(draft.markdown).toContain('> The contract ends March 31, 2027.');
    expect(draft.warnings).toEqual([]);
  });

  it('notes an e-mail without a body, and a missing subject or unreadable date', async () => {
    const draft = await emlToDraft('From: a@b.com\r\nDate: someday\r\n\r\n');
    expect(draft.markdown).toBe('');
    expect(draft.source.title).toBe('(no subject)');
    expect(draft.email?.date).toBeNull();
    expect(draft.warnings).toEqual(['This e-mail has no text body.']);
  });
});

describe('emlToDraft rejects what is not an e-mail', () => {
  it.each([
    [
      'a PDF',
      () => readFile(new URL('../../fixtures/pdf/proposal.pdf', import.meta.url)).then((b) => new Uint8Array(b)),
    ],
    ['a text note with a colon on its first line', () => fixture('not-an-email.txt')],
    ['plain prose', async () => 'Meeting notes for Thursday\nNothing here.'],
    ['an empty file', async () => new Uint8Array()],
  ])('rejects %s', async (_label, load) => {
    const error = await emlToDraft(await load()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CaptureError);
    expect(error).toMatchObject({ code: 'unreadable-email', message: 'This file is not a readable e-mail (.eml).' });
  });
});

describe('emlToDraft charsets', () => {
  it('reads a windows-1252 message with €, dashes and accents', async () => {
    const text =
      'From: factures@exemple.fr\r\nSubject: Offre – 900 €\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\nTarif : 900 € HT, résiliation sous 30 jours.\r\n';
    const bytes = Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '–' ? 0x96 : c.charCodeAt(0))));
    const draft = await emlToDraft(bytes);
    expect(draft.markdown).toBe('Tarif : 900 € HT, résiliation sous 30 jours.');
  });
});

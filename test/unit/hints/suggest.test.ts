import { describe, expect, it } from 'vitest';
import { CaptureDraft, Hints } from '../../../shared/domain';
import { cleanTitle, emailDomains, suggestHints } from '../../../shared/hints';
import { client, vendor } from './fixtures';

const now = new Date('2026-03-10T12:00:00Z');
const north = client('c-north', 'Northwind', ['northwind.ca']);
const contoso = client('c-contoso', 'Contoso', ['contoso.com']);
const acmeForNorth = vendor('v-acme-n', 'c-north', 'Acme Cloud', ['acme-cloud.com']);
const acmeForContoso = vendor('v-acme-c', 'c-contoso', 'Acme Cloud Inc.', ['acme-cloud.com']);
const fortinet = vendor('v-forti', 'c-contoso', 'Fortinet', ['fortinet.com']);
const ctx = { clients: [north, contoso], vendors: [acmeForNorth, acmeForContoso, fortinet], now };

const renewalEmail = CaptureDraft.parse({
  kind: 'email',
  source: {
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmpv',
    title: 'Re: Your Acme Backup subscription renews soon - vcio@firm.com - Gmail',
    site: 'mail.google.com',
  },
  markdown: [
    'Sent: Monday, March 2, 2026 10:14 AM',
    '',
    'Hello Marie,',
    '',
    'Your Acme Backup Business plan (50 seats) renews on April 15, 2026.',
    'The renewal price is CA$1,200/mo, up from CA$1,050/mo, plus a one-time migration fee of $2,500.',
    'To cancel, you must give notice by March 31, 2026.',
    '',
    'Call us at 1-800-555-0199 with any questions.',
    '',
    'Acme Cloud Renewals Team',
  ].join('\n'),
  excerpt: 'Your Acme Backup Business plan renews on April 15, 2026.',
  email: {
    subject: 'Re: Your Acme Backup subscription renews soon',
    from: { name: 'Acme Cloud Renewals', address: 'renewals@billing.acme-cloud.com' },
    to: [{ name: 'Marie Tremblay', address: 'marie@northwind.ca' }],
    cc: [{ name: 'vCIO', address: 'vcio@firm.com' }],
    date: '2026-03-02T15:14:00.000Z',
    messageId: '<abc@acme-cloud.com>',
    threadId: 'FMfcgzQXJWDsKmpv',
    attachments: [],
    provider: 'gmail',
  },
});

const quotePage = CaptureDraft.parse({
  kind: 'page',
  source: {
    url: 'https://portal.fortinet.com/quotes/Q-1042?utm_source=email',
    title: 'Quote Q-1042 | Fortinet Partner Portal',
    site: 'portal.fortinet.com',
  },
  markdown: [
    '# Quote Q-1042',
    '',
    '| Item | Price |',
    '| --- | --- |',
    '| FortiGate 100F hardware | USD 18,000 one-time |',
    '| FortiCare support | USD 4,200 annually |',
    '| Installation | setup fee of USD 2,500 |',
    '',
    'This quote is valid until April 30, 2026. Version 7.4 firmware included.',
  ].join('\n'),
  excerpt: 'Quote Q-1042',
});

describe('suggestHints', () => {
  it('reads a renewal e-mail: client from recipients, vendor from sender, CAD amounts, dates, kind, title', () => {
    const hints = Hints.parse(suggestHints(renewalEmail, ctx));
    expect(hints.clientId).toBe('c-north');
    expect(hints.clientWhy).toBe("northwind.ca is Northwind's");
    expect(hints.vendor).toEqual({
      vendorId: 'v-acme-n',
      name: 'Acme Cloud',
      domain: 'acme-cloud.com',
      why: "sender domain billing.acme-cloud.com is Acme Cloud's",
    });
    expect(hints.amounts.map((a) => [a.value, a.currency, a.recurrence])).toEqual([
      [1200, 'CAD', 'monthly'],
      [1050, 'CAD', 'monthly'],
      [2500, 'USD', 'one-time'],
    ]);
    expect(hints.dates.map((d) => [d.date, d.label])).toEqual([
      ['2026-04-15', 'renewal'],
      ['2026-03-31', 'notice'],
    ]);
    expect(hints.kind).toBe('renewal');
    expect(hints.kindWhy).toBe('the title says "renews"');
    expect(hints.title).toBe('Your Acme Backup subscription renews soon');
  });

  it('reads a vendor quote page: client from the vendor registry, amounts, validity, kind, title', () => {
    const hints = Hints.parse(suggestHints(quotePage, ctx));
    expect(hints.clientId).toBe('c-contoso');
    expect(hints.clientWhy).toBe('Fortinet is a vendor of Contoso');
    expect(hints.vendor).toMatchObject({ vendorId: 'v-forti', name: 'Fortinet', domain: 'fortinet.com' });
    expect(hints.amounts.map((a) => [a.value, a.currency, a.recurrence])).toEqual([
      [18000, 'USD', 'one-time'],
      [4200, 'USD', 'yearly'],
      [2500, 'USD', 'one-time'],
    ]);
    expect(hints.dates).toEqual([
      { date: '2026-04-30', label: 'valid-until', text: 'quote is valid until April 30, 2026' },
    ]);
    expect(hints.kind).toBe('quote');
    expect(hints.title).toBe('Quote Q-1042'); // the portal's name is the site's, not the document's
  });

  it('keeps a client the user already chose, and matches vendors within it', () => {
    const hints = suggestHints(renewalEmail, { ...ctx, clientId: 'c-contoso' });
    expect(hints.clientId).toBe('c-contoso');
    expect(hints.clientWhy).toBeNull();
    expect(hints.vendor?.vendorId).toBe('v-acme-c');
  });

  it('proposes a new vendor and no client when nothing is known', () => {
    const hints = suggestHints(quotePage, { clients: [], vendors: [], now });
    expect(hints.clientId).toBeNull();
    expect(hints.vendor).toEqual({
      vendorId: null,
      name: 'Fortinet',
      domain: 'fortinet.com',
      why: 'new vendor from fortinet.com, named as the document writes it',
    });
  });

  it('leaves the client open when a vendor domain belongs to several clients', () => {
    const fromAcme = {
      ...renewalEmail,
      email: { ...renewalEmail.email!, to: [{ name: '', address: 'x@elsewhere.org' }], cc: [] },
    };
    const hints = suggestHints(fromAcme, ctx);
    expect(hints.clientId).toBeNull();
    expect(hints.vendor).toMatchObject({ vendorId: null, name: 'Acme Cloud' });
  });

  it('never takes a client’s own staff for a vendor', () => {
    const forwarded = {
      ...renewalEmail,
      email: { ...renewalEmail.email!, from: { name: 'Marie Tremblay', address: 'marie@northwind.ca' }, to: [] },
    };
    const hints = suggestHints(forwarded, ctx);
    expect(hints.clientId).toBe('c-north');
    expect(hints.vendor).toBeNull();
  });

  it('does not date a capture by its "Sent:" line even right under a renewal subject', () => {
    const draft = { ...renewalEmail, markdown: 'Sent: Monday, March 2, 2026 10:14 AM\n\nSee attached.' };
    expect(suggestHints(draft, ctx).dates).toEqual([]);
  });

  it('describes the page site, not the sender, when the sender is the client', () => {
    const forwarded = {
      ...quotePage,
      kind: 'email' as const,
      email: { ...renewalEmail.email!, from: { name: 'Fortinet Fan Club', address: 'marie@northwind.ca' } },
    };
    expect(suggestHints(forwarded, { ...ctx, clientId: 'c-contoso' }).vendor).toMatchObject({
      vendorId: 'v-forti',
      why: "site portal.fortinet.com is Fortinet's",
    });
  });

  it('never reads a dropped file’s name as a vendor domain', () => {
    const pdf = CaptureDraft.parse({
      ...quotePage,
      kind: 'pdf',
      source: { url: null, title: 'Managed Services Proposal', site: 'proposal.pdf' },
      file: { name: 'proposal.pdf', type: 'application/pdf', size: 1234 },
    });
    const hints = suggestHints(pdf, ctx);
    expect(hints.vendor).toBeNull();
    expect(hints.amounts.map((a) => a.value)).toContain(18000);
  });

  it('lists sender then recipients as e-mail domains', () => {
    expect(emailDomains(renewalEmail)).toEqual(['billing.acme-cloud.com', 'northwind.ca', 'firm.com']);
    expect(emailDomains(quotePage)).toEqual([]);
  });

  it('returns on a ~5 MB page (the scan is capped and linear)', () => {
    const paragraph =
      'Renewal on March 1, 2027 at $4,500/month. Our contract terms apply. Version 4.5, call 555-0199. ';
    const huge = { ...quotePage, markdown: paragraph.repeat(Math.ceil(5_000_000 / paragraph.length)) };
    expect(huge.markdown.length).toBeGreaterThan(5_000_000);
    const hints = suggestHints(huge, ctx);
    expect(hints.amounts.map((a) => [a.value, a.recurrence, a.text])).toEqual([[4500, 'monthly', '$4,500/month']]);
    expect(hints.dates.map((d) => d.date)).toEqual(['2027-03-01']);
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Quote Q-1042 | Acme Portal', 'Quote Q-1042'],
    ['Quote Q-88231 - Server room', 'Quote Q-88231 - Server room'],
    ['Re: RE: Fwd: Renewal of your plan', 'Renewal of your plan'],
    ['TR : Devis 2026-118', 'Devis 2026-118'],
    ['[External] Price change notice', 'Price change notice'],
    ['Quote Q-1042 - vcio@firm.com - Gmail', 'Quote Q-1042'],
    ['Renewal notice - Outlook', 'Renewal notice'],
    ['Contract review – Microsoft Outlook', 'Contract review'],
    ['Jane Smith | LinkedIn', 'Jane Smith'],
    ['SOW draft - Google Docs', 'SOW draft'],
    ['Pricing | acme.com', 'Pricing'],
    ['Gmail', 'Gmail'],
  ])('%s → %s', (raw, expected) => {
    expect(cleanTitle(raw, 'acme.com')).toBe(expected);
  });
});

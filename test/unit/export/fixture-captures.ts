/** The fixture's evidence: a quote PDF and the e-mail it came with, the signed agreement, a pricing e-mail. */
import type { Capture } from '../../../shared/domain';
import { firewall } from './fixture-items';
import { harborNotice, sipPricing } from './fixture-items-open';
import { client, hash, SAM, uuid7 } from './fixture-parties';

const noHints = { warnings: [], email: null, pdf: null, file: null };

function capture(c: Omit<Capture, 'clientId' | 'contentHash' | 'capturedBy' | 'excerpt'>): Capture {
  return {
    ...c,
    clientId: client.id,
    contentHash: hash(c.markdown),
    excerpt: c.markdown.slice(0, 200),
    capturedBy: SAM,
  };
}

const quoteEmail = capture({
  ...noHints,
  id: uuid7('2026-10-20T15:10:00.000Z', 1),
  itemId: firewall.id,
  kind: 'email',
  source: {
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbLvqPzRkTtNbHwHcXsSgJm',
    title: 'Re: Firewall end of support — quote attached',
    site: 'mail.google.com',
  },
  markdown: 'Hi Sam,\n\nAs discussed, quote Q-2026-118 for the FortiGate 60F is attached.\n\nPriya',
  email: {
    subject: 'Re: Firewall end of support — quote attached',
    from: { name: 'Priya Raman', address: 'priya.raman@harborit.ca' },
    to: [{ name: 'Sam Okafor', address: SAM }],
    cc: [],
    bcc: [],
    date: '2026-10-19T18:40:00.000Z',
    messageId: '<q-2026-118.1@harborit.ca>',
    threadId: null,
    attachments: [{ name: 'Q-2026-118.pdf', size: '184 KB' }],
    provider: 'gmail',
  },
  urlKey: 'mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbLvqPzRkTtNbHwHcXsSgJm',
  capturedAt: '2026-10-20T15:10:00.000Z',
});

const quotePdf = capture({
  ...noHints,
  id: uuid7('2026-10-20T15:12:00.000Z', 3),
  itemId: firewall.id,
  kind: 'pdf',
  source: {
    url: 'https://portal.harborit.ca/quotes/Q-2026-118.pdf',
    title: 'Quote Q-2026-118 — FortiGate 60F replacement',
    site: 'portal.harborit.ca',
  },
  markdown: '# Quote Q-2026-118\n\n| Item | Price |\n|---|---|\n| FortiGate 60F | CA$4,900.00 |',
  pdf: { pageCount: 2 },
  urlKey: 'portal.harborit.ca/quotes/Q-2026-118.pdf',
  capturedAt: '2026-10-20T15:12:00.000Z',
});

const agreement = capture({
  ...noHints,
  id: uuid7('2026-11-18T15:02:00.000Z', 1),
  itemId: harborNotice.id,
  kind: 'file',
  source: { url: null, title: 'Harbor IT managed services agreement (signed)', site: '' },
  markdown: '# Managed services agreement\n\nTerm: 1 February 2024 to 31 January 2027. Renews for 12 months.',
  file: { name: 'Harbor-IT-MSA-2024-signed.pdf', type: 'application/pdf', size: 412_332 },
  urlKey: null,
  capturedAt: '2026-11-18T15:02:00.000Z',
});

const sipEmail = capture({
  ...noHints,
  id: uuid7('2026-11-24T15:30:00.000Z', 2),
  itemId: sipPricing.id,
  kind: 'email',
  source: {
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAGm',
    title: 'SIP trunk pricing changes, effective January 1',
    site: 'outlook.office.com',
  },
  markdown: 'Dear customer, from January 1 each SIP trunk is CA$42.00/month.',
  email: {
    subject: 'SIP trunk pricing changes, effective January 1',
    from: { name: 'Maple Voice Billing', address: 'billing@maplevoice.com' },
    to: [{ name: 'Rosa Martins', address: 'rosa.martins@northwinddental.ca' }],
    cc: [{ name: 'Sam Okafor', address: SAM }],
    bcc: [],
    date: '2026-11-24T13:05:00.000Z',
    messageId: null,
    threadId: null,
    attachments: [],
    provider: 'outlook',
  },
  urlKey: 'outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAGm',
  capturedAt: '2026-11-24T15:30:00.000Z',
});

export const captures: Capture[] = [quotePdf, quoteEmail, agreement, sipEmail];

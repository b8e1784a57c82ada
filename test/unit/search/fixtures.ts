import type { Capture, Decision, Item, Vendor } from '../../../shared/domain';

const T0 = '2026-03-02T14:00:00.000Z';

export function item(overrides: Partial<Item> & Pick<Item, 'id' | 'title'>): Item {
  return {
    clientId: 'client-acme',
    meetingId: null,
    section: 'vendor-follow-up',
    kind: 'other',
    status: 'inbox',
    vendorId: null,
    amount: null,
    oneTimeAmount: null,
    decideBy: null,
    urgent: false,
    tags: [],
    notes: '',
    agendaOrder: 0,
    discussed: false,
    slips: [],
    decision: null,
    actions: [],
    contractId: null,
    createdAt: T0,
    createdBy: 'marie@vcio.example',
    updatedAt: T0,
    ...overrides,
  };
}

export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    context: '',
    options: [],
    recommendation: '',
    decision: '',
    rationale: '',
    decidedBy: null,
    decidedOn: null,
    status: 'proposed',
    supersedes: null,
    supersededBy: null,
    nist: [],
    cobit: [],
    ...overrides,
  };
}

export function capture(overrides: Partial<Capture> & Pick<Capture, 'id' | 'itemId' | 'markdown'>): Capture {
  return {
    clientId: 'client-acme',
    kind: 'page',
    source: { url: 'https://portal.example.com/quote', title: 'Vendor page', site: 'portal.example.com' },
    excerpt: '',
    email: null,
    pdf: null,
    file: null,
    warnings: [],
    contentHash: '0'.repeat(64),
    urlKey: null,
    capturedAt: T0,
    capturedBy: 'marie@vcio.example',
    ...overrides,
  };
}

export function emailCapture(
  overrides: Partial<Capture> & Pick<Capture, 'id' | 'itemId' | 'markdown'>,
  mail: { subject: string; fromName: string; fromAddress: string },
): Capture {
  return capture({
    kind: 'email',
    source: { url: null, title: mail.subject, site: 'mail.google.com' },
    email: {
      subject: mail.subject,
      from: { name: mail.fromName, address: mail.fromAddress },
      to: [{ name: 'Marie', address: 'marie@vcio.example' }],
      cc: [],
      bcc: [],
      date: T0,
      messageId: null,
      threadId: null,
      attachments: [],
      provider: 'gmail',
    },
    ...overrides,
  });
}

export function vendor(id: string, name: string, clientId = 'client-acme'): Vendor {
  return { id, clientId, name, domains: [], role: 'other', contacts: [], createdAt: T0, updatedAt: T0 };
}

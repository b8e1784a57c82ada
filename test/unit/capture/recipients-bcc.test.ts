// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CaptureDraft } from '../../../shared/domain';
import { emailDomains } from '../../../shared/hints';
import { recipientsLine } from '../../../extension/ui/capture/recipients';

const email = {
  subject: 'Re: firewall refresh',
  from: { name: 'Dana Whitfield', address: 'dana@northwind-advisory.com' },
  to: [{ name: 'Luis Ortega', address: 'sales@harbor-networks.example' }],
  cc: [{ name: '', address: 'marc.gagnon@lavallogistics.ca' }],
  bcc: [{ name: 'Laval Board', address: 'board@laval-board.example' }],
  date: null,
  messageId: null,
  threadId: null,
  attachments: [],
  provider: 'gmail' as const,
};

describe('bcc on screen and in hints', () => {
  it('shows to, cc and bcc, each only when it has people', () => {
    expect(recipientsLine(email)).toBe('to Luis Ortega · cc marc.gagnon@lavallogistics.ca · bcc Laval Board');
    expect(recipientsLine({ ...email, cc: [], bcc: [] })).toBe('to Luis Ortega');
    expect(recipientsLine({ to: [], cc: [] })).toBe(''); // a capture saved before bcc existed
  });

  it('counts bcc recipients among the e-mail domains, and reads an old draft without bcc', () => {
    const draft = CaptureDraft.parse({
      kind: 'email',
      source: { url: null, title: 'x', site: 'mail.google.com' },
      markdown: '',
      excerpt: '',
      email,
    });
    expect(emailDomains(draft)).toEqual([
      'northwind-advisory.com',
      'harbor-networks.example',
      'lavallogistics.ca',
      'laval-board.example',
    ]);
    const { bcc: _dropped, ...old } = email;
    const parsed = CaptureDraft.parse({ ...draft, email: old });
    expect(parsed.email?.bcc).toEqual([]);
  });
});

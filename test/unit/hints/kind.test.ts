import { describe, expect, it } from 'vitest';
import { guessKind } from '../../../shared/hints';

describe('guessKind', () => {
  it.each([
    ['Quote Q-1042 for firewall replacement', 'quote'],
    ['Quotation: Microsoft 365 licences', 'quote'],
    ['Devis n° 2026-118 – remplacement des postes', 'quote'],
    ['Estimate for network cabling', 'quote'],
    ['Proposal: managed SOC services', 'proposal'],
    ['Proposition commerciale – infogérance', 'proposal'],
    ['SOW – Phase 2 migration', 'proposal'],
    ['Statement of Work for Azure landing zone', 'proposal'],
    ['Renewal notice: Acme Backup', 'renewal'],
    ['Your subscription will renew soon', 'renewal'],
    ['Avis de renouvellement – licences Veeam', 'renewal'],
    ['Master Services Agreement v3', 'contract'],
    ['MSA redline', 'contract'],
    ['Contrat de service – Bell', 'contract'],
    ['Updated Terms of Service', 'contract'],
    ['Incident report: email outage on March 3', 'incident'],
    ['Security alert: unusual sign-in activity', 'incident'],
    ['Notification of data breach', 'incident'],
    ['Panne du service de téléphonie', 'incident'],
    ['Price change notice for 2026', 'change'],
    ['Important changes to your plan', 'change'],
    ['End of life announcement: FortiGate 60E', 'change'],
    ['Deprecation of API v1', 'change'],
    ['Hausse de prix au 1er avril', 'change'],
  ])('title %s → %s', (title, kind) => {
    expect(guessKind('', title)?.kind).toBe(kind);
  });

  it('reads the body when the title says nothing', () => {
    const g = guessKind('Please find attached our quote for the new switches. The quote is valid 30 days.', 'Hello');
    expect(g).toEqual({ kind: 'quote', why: 'the text says "quote" (2×)' });
  });

  it('weighs a title word more than body words', () => {
    const body = 'This agreement … the agreement … under this agreement … contract terms.';
    expect(guessKind(body, 'Quote Q-1042')?.kind).toBe('quote');
    expect(guessKind(body, 'Quote Q-1042')?.why).toBe('the title says "Quote"');
    expect(guessKind(body, 'Hello')?.kind).toBe('contract');
  });

  it('breaks a title tie by which word comes first', () => {
    expect(guessKind('', 'Quote for contract renewal')?.kind).toBe('quote');
    expect(guessKind('', 'Renewal quote')?.kind).toBe('renewal');
  });

  it('does not take "sow" the verb or "terms" alone as evidence', () => {
    expect(guessKind('we sow the seeds; payment terms are net 30', 'Hello')).toBeNull();
  });

  it('returns null when nothing matches', () => {
    expect(guessKind('Lunch on Thursday?', 'Catching up')).toBeNull();
  });
});

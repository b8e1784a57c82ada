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

  describe('follows what the document is about', () => {
    it.each([
      // A price change that names the contract it changes is a change.
      [
        'Contract 55-1408: new pricing effective March 1',
        'change',
        'Under your contract, the monthly fee goes from $389 to $429. The contract terms otherwise stay the same.',
      ],
      [
        "Avis de changement de prix - contrat d'impression no 55-1408",
        'change',
        'Nous vous informons d’une hausse de prix de votre contrat no 55-1408. Après cette date, les conditions du ' +
          'contrat s’appliquent. Votre contrat reste en vigueur.',
      ],
      [
        'Hausse de tarif – Services gérés, en vigueur le 1er février 2027',
        'change',
        'Au sujet de votre entente de services gérés n° HX-2024-031 : le tarif par poste passera de 85 $ à 92 $. ' +
          'Conformément à l’article 9.2 de l’entente, vous pouvez résilier sans pénalité.',
      ],
      ['Changes to our Terms of Service', 'change', ''],
      // A notice about a contract's renewal, non-renewal or end is a renewal.
      [
        'MSA-HL-2021-07 Renewal Schedule No. 3',
        'renewal',
        'Master Services Agreement - Renewal Schedule. The current term of the Agreement ends on March 31, 2027. ' +
          'The parties agree to renew the Agreement. Accepted and agreed.',
      ],
      [
        'Rappel : fin de votre contrat de location n° 55-2210 le 28 février 2027',
        'renewal',
        'Votre contrat de location prend fin le 28 février 2027. Sans avis écrit avant la fin du contrat, il sera ' +
          'reconduit automatiquement.',
      ],
      ['Contrat 4410 : préavis de non-renouvellement', 'renewal', ''],
      ['Reminder: your contract 7720 ends March 31, 2027', 'renewal', ''],
      ['Your contract is expiring', 'renewal', 'Your contract expires on March 31. Contact us to renew the contract.'],
      // An invoice is `other`, whatever contract it bills under.
      ['Invoice INV-2026-11873', 'other', 'Project: Wi-Fi deployment (completed). Balance due $14,100.53.'],
      [
        'Facture / Invoice F-2026-11873',
        'other',
        'Intervention hors contrat, billet n° 48213. Montant dû / Amount due : 6 962,89 $.',
      ],
    ])('%s → %s', (title, kind, body) => {
      expect(guessKind(body, title)?.kind).toBe(kind);
    });

    it('says which words it followed', () => {
      expect(guessKind('', "Avis de changement de prix - contrat d'impression")?.why).toBe(
        'the title says "Avis de changement"',
      );
      expect(guessKind('', 'Rappel : fin de votre contrat de location')?.why).toBe(
        'the title says "fin de votre contrat"',
      );
      expect(guessKind('Balance due $120.', 'Invoice 1187')).toEqual({
        kind: 'other',
        why: 'the title says "Invoice"',
      });
    });

    it('reads a contract page that is a notice about its renewal as the renewal, a signed one as the contract', () => {
      const notice =
        'Term ends March 31, 2027. Notice of non-renewal due by January 30, 2027. Unless you tell us otherwise, ' +
        'this contract renews automatically for 12 months. Call your account manager or reply to this notice.';
      expect(guessKind(notice, 'Contract 7720-HLX — SIP trunking and 40 mobile lines')).toEqual({
        kind: 'renewal',
        why: 'the notice says "non-renewal"',
      });
      const avis =
        'Votre contrat sera reconduit automatiquement le 1er avril 2027. Pour l’éviter, répondez à cet avis avant le ' +
        '30 janvier 2027.';
      expect(guessKind(avis, 'Contrat RBT-7731 — Téléphonie IP')?.kind).toBe('renewal');

      const contract =
        'Signed February 12, 2024. Term end February 28, 2027. Renews automatically for successive 12-month terms. ' +
        'Notice of non-renewal at least 60 days before the term end. Download signed agreement (PDF).';
      expect(guessKind(contract, 'Contract CT-40217 — Managed Backup')?.kind).toBe('contract');
      const contrat =
        'Le contrat est reconduit automatiquement pour des périodes de 12 mois. Voir le contrat signé (PDF).';
      expect(guessKind(contrat, 'Contrat RBT-2024-7731 — Téléphonie IP')?.kind).toBe('contract');
    });

    it('keeps an invoice for a renewal a renewal', () => {
      const body = 'Annual renewal - coverage period Jan 1, 2027 to Dec 31, 2027. Total CAD $3,999.45.';
      expect(guessKind(body, 'Invoice PB-104882')).toEqual({ kind: 'renewal', why: 'the invoice says "renewal"' });
      expect(guessKind('Renouvellement annuel de vos licences.', 'Facture F-1187')?.kind).toBe('renewal');
    });

    it('weighs the first heading over the body', () => {
      const body = '## Avis de changement de prix\n\nVotre contrat… le contrat… les conditions du contrat.';
      expect(guessKind(body, 'Bonjour')).toEqual({ kind: 'change', why: 'the heading says "Avis de changement"' });
      expect(guessKind('## Invoice INV-1187\n\nBilled under the agreement.', 'Granite Peak billing')?.kind).toBe(
        'other',
      );
    });
  });

  it('returns null when nothing matches', () => {
    expect(guessKind('Lunch on Thursday?', 'Catching up')).toBeNull();
  });
});

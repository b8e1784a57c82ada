import { describe, expect, it } from 'vitest';
import { findDates } from '../../../shared/hints';

const now = new Date('2026-03-10T12:00:00Z'); // a Tuesday

describe('findDates reads dates next to words that make them matter', () => {
  it.each([
    ['Your subscription renews on March 1, 2027.', '2027-03-01', 'renewal'],
    ['Your plan will auto-renew on 2027-01-15 unless cancelled.', '2027-01-15', 'renewal'],
    ['Your licence expires on 30 April 2026.', '2026-04-30', 'term-end'],
    ['Expiration date: 2026-12-31', '2026-12-31', 'term-end'],
    ['This quote is valid until June 30, 2026.', '2026-06-30', 'valid-until'],
    ['Offer valid through May 15', '2026-05-15', 'valid-until'],
    ['Deadline: April 2, 2026', '2026-04-02', 'decide-by'],
    ['Sign by March 20 to lock in pricing', '2026-03-20', 'decide-by'],
    ['Cancel by Dec 1 to avoid charges', '2026-12-01', 'cancel-by'],
    ['Termination notice must reach us before 2026-10-01.', '2026-10-01', 'notice'],
    ['| Renewal date | 2027-03-01 |', '2027-03-01', 'renewal'],
    ['**Renewal date:**\n\nMarch 1, 2027', '2027-03-01', 'renewal'],
    // French
    ['Offre valable jusqu’au 30 juin 2026.', '2026-06-30', 'valid-until'],
    ["Devis valable jusqu'au 15/04/2026", '2026-04-15', 'valid-until'],
    ['Le contrat arrive à échéance le 31/12/2026.', '2026-12-31', 'term-end'],
    ['Renouvellement automatique le 1er janvier 2027.', '2027-01-01', 'renewal'],
    ['Date limite : 20 mars 2026', '2026-03-20', 'decide-by'],
    ['Votre abonnement expire le 5 mai 2026.', '2026-05-05', 'term-end'],
    ['Préavis à donner au plus tard le 1er octobre 2026.', '2026-10-01', 'notice'],
    ['Merci de répondre au plus tard le 20 mars 2026.', '2026-03-20', 'decide-by'],
  ])('%s', (text, date, label) => {
    const hints = findDates(text, now);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ date, label });
    expect(text.replace(/\s+/g, ' ')).toContain(hints[0]!.text);
  });

  it('labels each date by its nearest trigger', () => {
    const hints = findDates('Cancel by Dec 1 to avoid the auto-renewal on Jan 1, 2027.', now);
    expect(hints.map((h) => [h.date, h.label])).toEqual([
      ['2026-12-01', 'cancel-by'],
      ['2027-01-01', 'renewal'],
    ]);
  });

  it('prefers the next occurrence of a date written without a year', () => {
    expect(findDates('Renews on February 1', now)[0]?.date).toBe('2027-02-01');
    expect(findDates('Renews on April 1', now)[0]?.date).toBe('2026-04-01');
  });

  it('reads day-first numeric dates in French text and month-first in English text', () => {
    expect(findDates('Merci de nous répondre. Date limite : 03/04/2026 pour la signature.', now)[0]?.date).toBe(
      '2026-04-03',
    );
    expect(findDates('Please sign and return the form. Deadline: 03/04/2026 for the signature.', now)[0]?.date).toBe(
      '2026-03-04',
    );
  });

  it('deduplicates a date mentioned twice and caps the list', () => {
    expect(findDates('Renews on March 1, 2027. Again: renewal on March 1, 2027.', now)).toHaveLength(1);
    const many = Array.from(
      { length: 30 },
      (_, i) => `Item ${i} expires on 2027-01-${String(i + 1).padStart(2, '0')}.`,
    );
    expect(findDates(many.join('\n'), now)).toHaveLength(10);
  });
});

describe('findDates labels a page’s own date, never as a deadline', () => {
  it.each([
    ['Published 2025-11-04 by the pricing team', '2025-11-04'],
    ['Avis de changement · Publié le 2 décembre 2026', '2026-12-02'],
    ['Posted Dec 2, 2026 by the platform team', '2026-12-02'],
  ])('%s', (text, date) => {
    expect(findDates(text, now).map((d) => [d.date, d.label])).toEqual([[date, 'quote-date']]);
  });
});

describe('findDates ignores dates nobody needs to act on', () => {
  it.each([
    'Sent: Monday, March 2, 2026 10:14 AM',
    'On Mon, Mar 2, 2026 at 10:14 AM Jane wrote:',
    'Sent: March 2, 2026\nSubject: Renewal notice',
    'Renewal notice\n\nSent: Monday, March 2, 2026 10:14 AM',
    'Notice period: 60 days before renewal',
    'Préavis de 90 jours.',
    'Renewal in March 2027', // a month alone is not a day to put in a calendar
    'Renewal is due at 5pm',
    'Your renewal is coming up.',
  ])('%s', (text) => {
    expect(findDates(text, now)).toEqual([]);
  });
});

describe('findDates never invents a date (issue 11: a wrong prefilled date costs more than an empty field)', () => {
  it.each([
    'Once renewed, you can cancel within 7 days for a full refund.', // counted from today: unknown
    'Your plan auto-renews. Respond within 7 days to keep the price.',
    'The renewal quote is valid for 30 days.',
    'Renewal is due in 30 days.',
    'Cancel by tomorrow to avoid the renewal charge.',
    'Renewal deadline: end of month',
    'Renewal includes 24/7 support.',
    'Renewal includes 7/24 support and a 4-hour response.',
    'Soutien 7/24 inclus au renouvellement.',
    'Renewal covers FortiOS 7.4.3 and Windows 11 24H2.',
    'Your account manager, Robin Friday, will call about the renewal.',
    'Préparée par Marc Mardi pour le renouvellement.',
    'Renewal questions: June Whitaker, renewals desk.',
    'Votre représentante, June Lavoie, communiquera avec vous dans les 7 jours au sujet du renouvellement.',
    'Please respond by Friday.', // a weekday with no day the document is dated from
  ])('%s', (text) => {
    expect(findDates(text, now)).toEqual([]);
  });

  it('reads a weekday from the e-mail’s own date, never from today', () => {
    const sent = new Date('2026-12-03T13:30:00Z'); // a Thursday
    expect(findDates('Please respond by Friday.', now, { anchor: sent })).toMatchObject([
      { date: '2026-12-04', label: 'decide-by' },
    ]);
    expect(findDates("Merci de nous répondre d'ici vendredi.", now, { anchor: sent })[0]?.date).toBe('2026-12-04');
    expect(findDates('Robin Friday will call about the renewal.', now, { anchor: sent })).toEqual([]);
  });

  it('labels the quote’s own date as such, never as its validity', () => {
    const labelled = (text: string) => findDates(text, now).map((d) => [d.date, d.label]);
    expect(labelled('Quote date: December 2, 2026 - Valid until: January 15, 2027')).toEqual([
      ['2026-12-02', 'quote-date'],
      ['2027-01-15', 'valid-until'],
    ]);
    expect(labelled('| Quote date | November 27, 2026 |\n| Valid until | December 27, 2026 |')).toEqual([
      ['2026-11-27', 'quote-date'],
      ['2026-12-27', 'valid-until'],
    ]);
    expect(labelled('Date : 2 décembre 2026 — soumission valide jusqu’au 31 décembre 2026')).toEqual([
      ['2026-12-02', 'quote-date'],
      ['2026-12-31', 'valid-until'],
    ]);
    // "Valid for 30 days" is counted from the quote's own date, never from today.
    expect(labelled('Proposal date: November 30, 2026. This proposal is valid for 30 days.')).toEqual([
      ['2026-11-30', 'quote-date'],
      ['2026-12-30', 'valid-until'],
    ]);
    expect(labelled('This proposal is valid for 30 days.')).toEqual([]);
    // An incident's "Start:" and a forwarded message's "Sent:" are nobody's term.
    expect(labelled('Start: December 2, 2026 14:05\nSent: December 3, 2026')).toEqual([]);
    expect(labelled('Term start: April 1, 2024')).toEqual([['2024-04-01', 'term-start']]);
    // A label whose last word is "date" is still the trigger's.
    expect(findDates('Expiration date: 2026-12-31', now)[0]?.date).toBe('2026-12-31');
    expect(findDates('Renewal effective date: March 1, 2027', now)[0]?.date).toBe('2027-03-01');
  });

  it('reads a label on its own line, as a definition list or a card writes it', () => {
    const text = 'Term ends\n\nMarch 31, 2027\n\nNotice of non-renewal due by\n\nJanuary 30, 2027';
    expect(findDates(text, now).map((d) => [d.date, d.label])).toEqual([
      ['2027-03-31', 'term-end'],
      ['2027-01-30', 'notice'],
    ]);
  });

  it('does not label a date by a trigger across a sentence end', () => {
    const sent = new Date('2026-12-03T13:30:00Z');
    const text =
      "Merci de nous répondre d'ici vendredi. Toute demande de résiliation doit nous parvenir au plus tard le 2 janvier 2027.";
    expect(findDates(text, now, { anchor: sent }).map((d) => [d.date, d.label])).toEqual([
      ['2026-12-04', 'decide-by'],
      ['2027-01-02', 'notice'],
    ]);
  });
});

describe('findDates counts a notice back from a date the document writes', () => {
  it('reads "30 days before renewal" from the one renewal date', () => {
    const text =
      'Your subscription renews on January 15, 2027. Notice of non-renewal must reach us 30 days before renewal.';
    expect(findDates(text, now).map((d) => [d.date, d.label])).toEqual([
      ['2027-01-15', 'renewal'],
      ['2026-12-16', 'notice'],
    ]);
    const fr =
      "L'entente prend fin le 31 mars 2027. Tout préavis de résiliation doit être donné 60 jours avant l'échéance.";
    expect(findDates(fr, now).map((d) => [d.date, d.label])).toContainEqual(['2027-01-30', 'notice']);
  });

  it.each([
    ['no renewal date to count from', 'Notice of non-renewal must reach us 30 days before renewal.'],
    [
      'two renewal dates: which one is unknown',
      'Plan A renews on January 15, 2027. Plan B renews on March 1, 2027. Give notice 30 days before renewal.',
    ],
    ['not a notice', 'Your plan renews on January 15, 2027. We invoice 30 days before renewal.'],
  ])('proposes nothing counted when there is %s', (_, text) => {
    expect(findDates(text, now).filter((d) => d.label === 'notice')).toEqual([]);
  });
});

describe('findDates reads a date’s role from the document around it (issue 11)', () => {
  const labelled = (text: string, anchor?: Date) => findDates(text, now, { anchor }).map((d) => [d.date, d.label]);

  it('reads a written range as the term’s start and end', () => {
    expect(labelled('**Current term:** Feb 1, 2026 – Jan 31, 2027')).toEqual([
      ['2026-02-01', 'term-start'],
      ['2027-01-31', 'term-end'],
    ]);
    expect(labelled('| Current term ends | January 31, 2027 |')).toEqual([['2027-01-31', 'term-end']]);
  });

  it('gives a trigger its first date only, and never a date in the next sentence', () => {
    expect(labelled('Sign by December 15, 2026 to keep the port date of January 18, 2027.')).toEqual([
      ['2026-12-15', 'decide-by'],
    ]);
    expect(labelled('50% is due on acceptance; the work is planned for January 9, 2027.')).toEqual([]);
  });

  it('counts a notice from the event’s own date written beside it, and says a cancellation is a cancel-by', () => {
    expect(
      labelled(
        'Either party may give written notice no later than 90 days before the end of the current term (March 31, 2027).',
      ),
    ).toEqual([['2026-12-31', 'notice']]);
    expect(
      labelled('Renews on: Feb 1, 2027.\nCancellations must be submitted at least 7 days before the renewal date.'),
    ).toEqual([
      ['2027-02-01', 'renewal'],
      ['2027-01-25', 'cancel-by'],
    ]);
  });

  it('counts a notice back from a change’s effective date', () => {
    expect(
      labelled(
        'New rates take effect March 1, 2027. You may terminate the services by giving written notice at least 30 days before the effective date.',
      ),
    ).toEqual([
      ['2027-03-01', 'other'],
      ['2027-01-30', 'notice'],
    ]);
  });

  it('counts claims from the incident’s own day, the first date the notice writes', () => {
    const notice =
      'Incident start: December 2, 2026 14:05.\nService credit claims are due within 30 days of the incident.';
    expect(labelled(notice)).toEqual([['2027-01-01', 'decide-by']]);
    expect(labelled('Service credit claims are due within 30 days of the incident.')).toEqual([]);
  });

  it('reads a contract’s own names for its dates, and keeps one date of its own per document', () => {
    expect(labelled('Le présent contrat entre en vigueur le 1er janvier 2027 (la « date de début »).')).toEqual([
      ['2027-01-01', 'term-start'],
    ]);
    expect(labelled('Quote date: 2026-12-03\nAs per your request dated 2026-11-12, valid until: 2026-12-17')).toEqual([
      ['2026-12-03', 'quote-date'],
      ['2026-11-12', 'other'],
      ['2026-12-17', 'valid-until'],
    ]);
  });

  it('labels "15 jours avant l’échéance, soit le 16 janvier" as the notice it counts to', () => {
    const text =
      'Votre abonnement arrive à échéance le 31 janvier 2027. Avisez-nous par écrit au plus tard 15 jours avant l’échéance, soit le 16 janvier 2027.';
    expect(labelled(text)).toEqual([
      ['2027-01-31', 'term-end'],
      ['2027-01-16', 'notice'],
    ]);
  });
});

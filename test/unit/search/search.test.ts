import { beforeEach, describe, expect, it } from 'vitest';
import { LogSearch } from '../../../shared/search';
import { capture, decision, emailCapture, item, vendor } from './fixtures';

const ids = (hits: { itemId: string }[]) => hits.map((h) => h.itemId);

function sampleLog() {
  const vendors = [vendor('v-acme', 'Acme Cloud'), vendor('v-bell', 'Bell Canada', 'client-boreal')];
  const items = [
    item({
      id: 'i-renewal',
      title: 'Acme renewal 2027',
      kind: 'renewal',
      status: 'to-prepare',
      section: 'vendor-follow-up',
      vendorId: 'v-acme',
      tags: ['Budget-2027'],
      decideBy: '2026-11-30',
      notes: 'Price goes up **12 %** at the next term.',
    }),
    item({
      id: 'i-firewall',
      title: 'Remplacement du pare-feu',
      kind: 'project',
      status: 'on-agenda',
      section: 'decision-to-prepare',
      tags: ['Sécurité'],
      createdAt: '2026-02-10T15:00:00.000Z',
      decision: decision({
        context: "L'échéance du contrat de soutien arrive en mars.",
        options: [{ id: 'o1', title: 'Fortinet FortiGate', oneTime: null, recurring: null, risk: 'low', notes: '' }],
        recommendation: 'Retenir la soumission la moins risquée.',
      }),
      actions: [{ id: 'a1', title: 'Obtenir trois soumissions', owner: 'Julie Tremblay', due: null, done: false }],
    }),
    item({
      id: 'i-phones',
      title: 'Téléphonie IP: migration',
      clientId: 'client-boreal',
      vendorId: 'v-bell',
      kind: 'change',
      status: 'decided',
      section: 'project-review',
      decideBy: '2026-05-01',
    }),
    item({
      id: 'i-backup',
      title: 'Backup retention policy',
      kind: 'incident',
      status: 'inbox',
      section: 'urgent',
      createdAt: '2026-01-05T09:00:00.000Z',
    }),
  ];
  const captures = [
    emailCapture(
      {
        id: 'c-mail',
        itemId: 'i-backup',
        markdown: 'Hello,\n\nSee the [renewal quote](https://acme.example/q) for **Veeam** licences.\n\n<b>Thanks</b>',
      },
      { subject: 'Veeam licence quote', fromName: 'Sam Rivers', fromAddress: 'sam@datasafe.example' },
    ),
    capture({
      id: 'c-page',
      itemId: 'i-phones',
      markdown: '# Forfait Affaires\n\nLe préavis de résiliation est de **90 jours** avant la fin du terme.',
    }),
  ];
  return { items, captures, vendors };
}

describe('LogSearch', () => {
  let search: LogSearch;
  beforeEach(() => {
    search = new LogSearch();
    search.bulkLoad(sampleLog());
  });

  it('finds items by title, case-insensitively, with AND between words', () => {
    expect(ids(search.search('ACME renewal', {}))).toEqual(['i-renewal']);
    expect(search.search('acme firewall', {})).toEqual([]);
    expect(search.size()).toBe(4);
  });

  it('searches the last word as a prefix while typing', () => {
    expect(ids(search.search('acme ren', {}))).toEqual(['i-renewal']);
    expect(ids(search.search('remplac', {}))).toEqual(['i-firewall']);
    // a word that is not the last must be whole
    expect(search.search('ren acme', {})).toEqual([]);
  });

  it('ignores diacritics both ways', () => {
    expect(ids(search.search('echeance', {}))).toEqual(['i-firewall']);
    expect(ids(search.search('telephonie', {}))).toEqual(['i-phones']);
    expect(ids(search.search('BÀCKUP', {}))).toEqual(['i-backup']);
  });

  it('matches words of five letters or more with one typo, shorter ones exactly', () => {
    expect(ids(search.search('retantion policy', {}))).toEqual(['i-backup']);
    expect(ids(search.search('policy bakup', {}))).toEqual(['i-backup']);
    expect(search.search('acne cloud', {})).toEqual([]); // "acne" (4 letters) is not fuzzy
  });

  it('finds decision text and action owners, reported as the decision', () => {
    const [hit] = search.search('soumission risquée', {});
    expect(hit).toMatchObject({ itemId: 'i-firewall', matchedIn: 'decision' });
    expect(hit!.snippet).toContain('soumission la moins risquée');
    expect(ids(search.search('fortigate', {}))).toEqual(['i-firewall']);
    expect(ids(search.search('julie tremblay', {}))).toEqual(['i-firewall']);
  });

  it('finds capture text, e-mail subject and sender, and returns the item', () => {
    const [hit] = search.search('veeam', {});
    expect(hit).toMatchObject({ itemId: 'i-backup', matchedIn: 'capture', captureId: 'c-mail' });
    expect(ids(search.search('datasafe', {}))).toEqual(['i-backup']);
    expect(ids(search.search('sam rivers', {}))).toEqual(['i-backup']);
    expect(ids(search.search('préavis jours', {}))).toEqual(['i-phones']);
  });

  it('requires every word per item, across the item and its captures', () => {
    // "retention" is in the item title, "veeam" only in its e-mail
    expect(ids(search.search('retention veeam', {}))).toEqual(['i-backup']);
  });

  it('finds the vendor name and tags', () => {
    expect(ids(search.search('bell', {}))).toEqual(['i-phones']);
    expect(ids(search.search('budget 2027', {}))).toEqual(['i-renewal']);
  });

  it('writes plain-text snippets around the match, without markup', () => {
    const [hit] = search.search('thanks', {});
    expect(hit!.snippet).toContain('Thanks');
    expect(hit!.snippet).not.toMatch(/[<>*[\]()]|https?:/);
    const [notes] = search.search('price', {});
    expect(notes!.snippet).toBe('Price goes up 12 % at the next term.');
  });

  it('ranks a title match above a match deep in a capture', () => {
    // "renewal" is the title of i-renewal and a link text in i-backup's e-mail
    expect(ids(search.search('renewal', {}))).toEqual(['i-renewal', 'i-backup']);
  });
});

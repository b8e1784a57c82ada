import { describe, expect, it } from 'vitest';
import { LogSearch } from '../../../shared/search';
import { capture, item } from './fixtures';

const ids = (hits: { itemId: string }[]) => hits.map((h) => h.itemId);

/** Four "contrat" items that differ in every filtered property. */
function filtered(): LogSearch {
  const search = new LogSearch();
  search.bulkLoad({
    vendors: [],
    captures: [],
    items: [
      item({
        id: 'a',
        title: 'Contrat Acme',
        clientId: 'c1',
        status: 'inbox',
        kind: 'contract',
        section: 'vendor-follow-up',
        vendorId: 'v1',
        tags: ['Sécurité'],
        decideBy: '2026-03-10',
      }),
      item({
        id: 'b',
        title: 'Contrat Bell',
        clientId: 'c1',
        status: 'decided',
        kind: 'renewal',
        section: 'urgent',
        vendorId: 'v2',
        tags: ['budget'],
        createdAt: '2026-04-02T12:00:00.000Z',
      }),
      item({
        id: 'c',
        title: 'Contrat Cogeco',
        clientId: 'c2',
        status: 'inbox',
        kind: 'contract',
        section: 'urgent',
        decideBy: '2026-05-20',
      }),
      item({
        id: 'd',
        title: 'Contrat Dell',
        clientId: 'c2',
        status: 'deferred',
        kind: 'quote',
        section: 'project-review',
        decideBy: '2026-01-15',
      }),
    ],
  });
  return search;
}

describe('filters', () => {
  const search = filtered();
  const sorted = (query: string, f: Parameters<LogSearch['search']>[1]) => ids(search.search(query, f)).sort();

  it('applies each filter alone', () => {
    expect(sorted('contrat', { clientId: 'c1' })).toEqual(['a', 'b']);
    expect(sorted('contrat', { status: ['inbox'] })).toEqual(['a', 'c']);
    expect(sorted('contrat', { status: ['inbox', 'deferred'] })).toEqual(['a', 'c', 'd']);
    expect(sorted('contrat', { kind: ['contract'] })).toEqual(['a', 'c']);
    expect(sorted('contrat', { section: ['urgent'] })).toEqual(['b', 'c']);
    expect(sorted('contrat', { vendorId: 'v2' })).toEqual(['b']);
    expect(sorted('contrat', { tag: 'securite' })).toEqual(['a']);
    expect(sorted('contrat', { tag: 'BUDGET' })).toEqual(['b']);
    // item date: decideBy, else the createdAt day (b: 2026-04-02)
    expect(sorted('contrat', { from: '2026-03-10' })).toEqual(['a', 'b', 'c']);
    expect(sorted('contrat', { to: '2026-03-10' })).toEqual(['a', 'd']);
    expect(sorted('contrat', { from: '2026-04-02', to: '2026-04-02' })).toEqual(['b']);
  });

  it('combines filters with AND, and treats empty lists as no constraint', () => {
    expect(sorted('contrat', { clientId: 'c2', section: ['urgent'] })).toEqual(['c']);
    expect(sorted('contrat', { clientId: 'c1', status: ['inbox'], kind: ['contract'], from: '2026-03-01' })).toEqual([
      'a',
    ]);
    expect(sorted('contrat', { clientId: 'c1', kind: ['quote'] })).toEqual([]);
    expect(sorted('contrat', { status: [], kind: [] })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lists filtered items newest first when there are no words', () => {
    expect(ids(search.search('', {}))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(search.search('  ', { clientId: 'c2' }))).toEqual(['c', 'd']);
    expect(ids(search.search('', { status: ['inbox'] }, 1))).toEqual(['c']);
    expect(search.search('', {}).every((h) => h.score === 0 && h.snippet.startsWith('Contrat'))).toBe(true);
  });

  it('respects the limit', () => {
    expect(search.search('contrat', {}, 2)).toHaveLength(2);
  });
});

describe('incremental updates', () => {
  it('re-indexes an edited item: the old word no longer finds it, the new one does', () => {
    const search = new LogSearch();
    const original = item({ id: 'x', title: 'Renouvellement Microsoft 365' });
    search.addItem(original, { vendorName: null });
    search.addCapture(capture({ id: 'cx', itemId: 'x', markdown: 'Licences E3, hausse de 5 %' }));
    expect(ids(search.search('microsoft', {}))).toEqual(['x']);
    search.updateItem(
      { ...original, title: 'Renouvellement Google Workspace', status: 'decided' },
      { vendorName: 'Google' },
    );
    expect(search.search('microsoft', {})).toEqual([]);
    expect(ids(search.search('workspace', { status: ['decided'] }))).toEqual(['x']);
    expect(search.search('workspace', { status: ['inbox'] })).toEqual([]);
    expect(ids(search.search('google', {}))).toEqual(['x']);
    expect(ids(search.search('hausse', {}))).toEqual(['x']); // its capture survived the edit
    expect(search.size()).toBe(1);
  });

  it('forgets a removed capture, and a removed item with its captures', () => {
    const search = new LogSearch();
    search.addItem(item({ id: 'y', title: 'Fibre optique' }), { vendorName: null });
    search.addCapture(capture({ id: 'cy', itemId: 'y', markdown: 'Soumission de Vidéotron' }));
    expect(ids(search.search('videotron', {}))).toEqual(['y']);
    search.removeCapture('cy');
    expect(search.search('videotron', {})).toEqual([]);
    expect(ids(search.search('fibre', {}))).toEqual(['y']);
    search.addCapture(capture({ id: 'cy2', itemId: 'y', markdown: 'Devis Cogeco' }));
    search.removeItem('y');
    expect(search.search('fibre', {})).toEqual([]);
    expect(search.search('cogeco', {})).toEqual([]);
    expect(search.search('', {})).toEqual([]);
    expect(search.size()).toBe(0);
  });

  it('moves a capture re-filed under another item', () => {
    const search = new LogSearch();
    search.addItem(item({ id: 'p', title: 'Inbox clip' }), { vendorName: null });
    search.addItem(item({ id: 'q', title: 'Sauvegarde' }), { vendorName: null });
    search.addCapture(capture({ id: 'cz', itemId: 'p', markdown: 'Veeam Backup quote' }));
    search.addCapture(capture({ id: 'cz', itemId: 'q', markdown: 'Veeam Backup quote' }));
    expect(ids(search.search('veeam', {}))).toEqual(['q']);
  });

  it('does not return a capture whose item is not indexed, until the item arrives', () => {
    const search = new LogSearch();
    search.addCapture(capture({ id: 'early', itemId: 'later', markdown: 'Cisco Meraki' }));
    expect(search.search('meraki', {})).toEqual([]);
    search.addItem(item({ id: 'later', title: 'Wi-Fi' }), { vendorName: null });
    expect(ids(search.search('meraki', {}))).toEqual(['later']);
  });

  it('re-indexes items when their vendor is renamed', () => {
    const search = new LogSearch();
    search.addItem(item({ id: 'r', title: 'Renewal', vendorId: 'v' }), { vendorName: 'Datasafe' });
    search.renameVendor('v', 'Keepit');
    expect(search.search('datasafe', {})).toEqual([]);
    expect(ids(search.search('keepit', {}))).toEqual(['r']);
  });

  it('indexes only the head of a very large capture', () => {
    const search = new LogSearch();
    search.addItem(item({ id: 'big', title: 'Grand document' }), { vendorName: null });
    const filler = 'lorem ipsum dolor '.repeat(2_000); // 36,000 characters
    search.addCapture(capture({ id: 'cb', itemId: 'big', markdown: `debutmot ${filler} finmot` }));
    expect(ids(search.search('debutmot', {}))).toEqual(['big']);
    expect(search.search('finmot', {})).toEqual([]);
  });
});

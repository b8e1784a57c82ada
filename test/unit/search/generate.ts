/**
 * A generated decision log (items, captures, vendors) for the large test: French and English governance words plus
 * a long tail of made-up words, drawn with a skew so a few words are everywhere and most are rare, like real text.
 */
import type { Capture, Item, ItemKind, ItemStatus, Section, Vendor } from '../../../shared/domain';
import { ItemKind as Kinds, ItemStatus as Statuses, SECTIONS } from '../../../shared/domain';
import { prng } from '../../../bench/data/prng';
import { capture, decision, item, vendor } from './fixtures';

export const COMMON = (
  'renewal contract proposal quote firewall backup licence licences migration cloud support incident change ' +
  'project budget risk audit security network server laptop telecom fibre phone printer storage vendor ' +
  'renouvellement contrat soumission devis pare-feu sauvegarde migration infonuagique soutien incident ' +
  'changement projet budget risque audit sécurité réseau serveur portable téléphonie imprimante stockage ' +
  'fournisseur échéance préavis résiliation tarif hausse coût annuel mensuel entente signature gouvernance ' +
  'plan year month notice price increase term annual monthly agreement signature governance recovery'
).split(' ');

const SYLLABLES = 'ka lo mi ren tu va ze po dri sha ne bu flo gar te xi mo'.split(' ');

export type GeneratedLog = { items: Item[]; captures: Capture[]; vendors: Vendor[]; clients: string[] };

export function generateLog(count: number, seed: number, captureWords = 40): GeneratedLog {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const tail = Array.from({ length: 4000 }, () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));
  // Skewed draw: common words often, the tail rarely and unevenly.
  const word = () =>
    rand() < 0.6 ? COMMON[Math.floor(rand() ** 2 * COMMON.length)]! : tail[Math.floor(rand() ** 3 * tail.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const clients = ['client-acme', 'client-boreal', 'client-cedre', 'client-delta', 'client-erable'];
  const vendors = Array.from({ length: 60 }, (_, i) => vendor(`vendor-${i}`, `Vendor ${tail[i]}`, clients[i % 5]));
  const items: Item[] = [];
  const captures: Capture[] = [];
  for (let i = 0; i < count; i++) {
    const id = `item-${String(i).padStart(6, '0')}`;
    const v = rand() < 0.7 ? pick(vendors) : null;
    const day = 1 + Math.floor(rand() * 365);
    const created = new Date(Date.UTC(2025, 0, day)).toISOString();
    items.push(
      item({
        id,
        title: phrase(3 + Math.floor(rand() * 4)),
        clientId: v?.clientId ?? pick(clients),
        vendorId: v?.id ?? null,
        status: pick(Statuses.options) as ItemStatus,
        kind: pick(Kinds.options) as ItemKind,
        section: pick(SECTIONS) as Section,
        tags: rand() < 0.5 ? [pick(['budget-2026', 'CA', 'Sécurité', 'renewals'])] : [],
        decideBy: rand() < 0.3 ? created.slice(0, 8) + String(1 + Math.floor(rand() * 28)).padStart(2, '0') : null,
        notes: rand() < 0.5 ? phrase(20) : '',
        decision: rand() < 0.2 ? decision({ context: phrase(15), rationale: phrase(10) }) : null,
        createdAt: created,
        updatedAt: created,
      }),
    );
    const n = Math.floor(rand() * 3);
    for (let c = 0; c < n; c++) {
      captures.push(capture({ id: `${id}-c${c}`, itemId: id, markdown: `## ${phrase(4)}\n\n${phrase(captureWords)}` }));
    }
  }
  return { items, captures, vendors, clients };
}

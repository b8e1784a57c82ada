/**
 * From domain records to the text that is indexed. Long text is capped so memory stays bounded whatever was
 * clipped: a capture contributes at most its first MAX_CAPTURE_CHARS characters of plain text (a 2 MB page is
 * searchable by its head only), and each long item field at most MAX_FIELD_CHARS.
 */
import type { Capture, Item } from '../domain';
import { FIELDS } from './fields';
import { fold, head, plainHead } from './text';
import type { ItemMeta, StoredDoc } from './types';

/** Characters of a capture's text (Markdown converted to plain text) that are indexed and kept for snippets. */
export const MAX_CAPTURE_CHARS = 20_000;
/** Characters of each long item field (notes, decision record, actions). */
export const MAX_FIELD_CHARS = 20_000;

/** The date the date filters and the empty-query order use: decide-by, else the UTC day it was created. */
export function itemDate(item: Pick<Item, 'decideBy' | 'createdAt'>): string {
  return item.decideBy ?? item.createdAt.slice(0, 10);
}

export function itemMeta(item: Item): ItemMeta {
  return {
    id: item.id,
    clientId: item.clientId,
    status: item.status,
    kind: item.kind,
    section: item.section,
    vendorId: item.vendorId,
    tags: item.tags.map(fold),
    date: itemDate(item),
    createdAt: item.createdAt,
  };
}

function joined(parts: (string | null | undefined)[], max: number): string {
  return plainHead(parts.filter((p): p is string => !!p && p.trim() !== '').join('\n'), max);
}

const texts = (values: Partial<Record<string, string>>) => FIELDS.map((f) => values[f.name] ?? '');

export function itemDoc(item: Item, vendorName: string | null): StoredDoc {
  const d = item.decision;
  return {
    itemId: item.id,
    captureId: null,
    texts: texts({
      title: item.title,
      vendor: vendorName ?? '',
      tags: item.tags.join(' · '),
      decision: d
        ? joined(
            [d.context, ...d.options.map((o) => o.title), d.recommendation, d.decision, d.rationale],
            MAX_FIELD_CHARS,
          )
        : '',
      actions: head(
        item.actions.map((a) => (a.owner ? `${a.title} (${a.owner})` : a.title)).join(' · '),
        MAX_FIELD_CHARS,
      ),
      notes: plainHead(item.notes, MAX_FIELD_CHARS),
    }),
  };
}

export function captureDoc(capture: Capture): StoredDoc {
  const mail = capture.email;
  const from = mail?.from;
  const subject = mail && mail.subject !== capture.source.title ? mail.subject : '';
  return {
    itemId: capture.itemId,
    captureId: capture.id,
    texts: texts({
      captureTitle: [capture.source.title, subject].filter(Boolean).join(' — '),
      captureSource: [
        from ? (from.name ? `${from.name} (${from.address})` : from.address) : '',
        capture.source.site,
        capture.file?.name,
      ]
        .filter(Boolean)
        .join(' · '),
      captureBody: plainHead(capture.markdown || capture.excerpt, MAX_CAPTURE_CHARS),
    }),
  };
}

import { z } from 'zod';
import { Id, LocalDate, Money } from './common';
import { ItemKind } from './item';

export const DATE_LABELS = [
  'quote-date',
  'valid-until',
  'term-start',
  'term-end',
  'renewal',
  'notice',
  'cancel-by',
  'decide-by',
  'other',
] as const;
export const DateLabel = z.enum(DATE_LABELS);
export type DateLabel = z.infer<typeof DateLabel>;

/** A date's role in words, as the capture form and the command line show it. */
export const DATE_LABEL: Record<DateLabel, string> = {
  'quote-date': 'Quote date',
  'valid-until': 'Valid until',
  'term-start': 'Term starts',
  'term-end': 'Term ends',
  renewal: 'Renews',
  notice: 'Notice by',
  'cancel-by': 'Cancel by',
  'decide-by': 'Reply by',
  other: 'Date',
};

/** The dates a vCIO has to act by: only these are proposed as an item's decide-by. */
export const DEADLINE_LABELS: readonly DateLabel[] = [
  'valid-until',
  'term-end',
  'renewal',
  'notice',
  'cancel-by',
  'decide-by',
];

export const DateHint = z.object({
  date: LocalDate,
  /** What the date is: the wording around it decides. */
  label: DateLabel,
  /** The words it was read from, for the user to judge. */
  text: z.string(),
});
export type DateHint = z.infer<typeof DateHint>;

/** "Cancel within 7 days": a deadline with nothing in the document to count from, shown as written, never dated. */
export const DatePhrase = z.object({ label: DateLabel, text: z.string() });
export type DatePhrase = z.infer<typeof DatePhrase>;

/** What a figure is in the document: the part it was read from decides. */
export const AmountRole = z.enum(['total', 'subtotal', 'tax', 'line', 'unit', 'prior', 'term']);
export type AmountRole = z.infer<typeof AmountRole>;

export const AmountHint = Money.extend({
  /** The words it was read from. */
  text: z.string(),
  /** What the document calls it: "Total one-time", "TPS (5 %)", "Managed services, monthly". */
  label: z.string(),
  role: AmountRole,
});
export type AmountHint = z.infer<typeof AmountHint>;

export const VendorHint = z.object({
  /** Set when the vendor is already in the client's registry. */
  vendorId: Id.nullable(),
  name: z.string(),
  domain: z.string().nullable(),
  why: z.string(),
});
export type VendorHint = z.infer<typeof VendorHint>;

/** Suggestions shown prefilled and editable in the quick-capture form; never applied silently. */
export const Hints = z.object({
  clientId: Id.nullable(),
  clientWhy: z.string().nullable(),
  vendor: VendorHint.nullable(),
  amounts: z.array(AmountHint),
  dates: z.array(DateHint),
  phrases: z.array(DatePhrase).default([]),
  kind: ItemKind.nullable(),
  kindWhy: z.string().nullable(),
  title: z.string(),
});
export type Hints = z.infer<typeof Hints>;

import { z } from 'zod';
import { Id, LocalDate, Money } from './common';
import { ItemKind } from './item';

export const DateHint = z.object({
  date: LocalDate,
  /** What the date is: the wording around it decides. */
  label: z.enum(['renewal', 'expiry', 'valid-until', 'deadline', 'notice', 'other']),
  /** The words it was read from, for the user to judge. */
  text: z.string(),
});
export type DateHint = z.infer<typeof DateHint>;

export const AmountHint = Money.extend({ text: z.string() });
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
  kind: ItemKind.nullable(),
  kindWhy: z.string().nullable(),
  title: z.string(),
});
export type Hints = z.infer<typeof Hints>;

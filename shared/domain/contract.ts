import { z } from 'zod';
import { Id, Instant, LocalDate, Money } from './common';

/** An agreement with a vendor: its term, how it renews and how much notice ending it takes. */
export const Contract = z
  .object({
    id: Id,
    clientId: Id,
    vendorId: Id,
    title: z.string().trim().min(1, 'a contract needs a title').max(300),
    termStart: LocalDate,
    termEnd: LocalDate,
    autoRenew: z.boolean(),
    /** Length of each renewal, in months, when it renews automatically. */
    renewalMonths: z.number().int().min(1).max(120).default(12),
    /** Days of notice needed before the term ends to stop it renewing (or to terminate). */
    noticeDays: z.number().int().min(0).max(730),
    value: Money.nullable(),
    /** Captures that document it (the signed PDF, the quote). */
    captureIds: z.array(Id).default([]),
    notes: z.string().max(20_000).default(''),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .refine((c) => c.termEnd >= c.termStart, { message: 'the term cannot end before it starts', path: ['termEnd'] });
export type Contract = z.infer<typeof Contract>;

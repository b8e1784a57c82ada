import { z } from 'zod';
import { Id, LocalDate, Money } from './common';

export const Risk = z.enum(['low', 'medium', 'high']);
export type Risk = z.infer<typeof Risk>;

/** One option considered for leadership, with what it costs and what it risks. */
export const DecisionOption = z.object({
  id: Id,
  title: z.string().trim().min(1, 'an option needs a title').max(300),
  oneTime: Money.nullable(),
  recurring: Money.nullable(),
  risk: Risk,
  notes: z.string().max(10_000).default(''),
});
export type DecisionOption = z.infer<typeof DecisionOption>;

export const DecisionStatus = z.enum(['proposed', 'accepted', 'rejected', 'deferred', 'superseded']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

/** NIST CSF 2.0 functions and COBIT 2019 domains, to say what a decision governs. */
export const NistFunction = z.enum(['govern', 'identify', 'protect', 'detect', 'respond', 'recover']);
export type NistFunction = z.infer<typeof NistFunction>;
export const CobitDomain = z.enum(['EDM', 'APO', 'BAI', 'DSS', 'MEA']);
export type CobitDomain = z.infer<typeof CobitDomain>;

/** A decision record in the vocabulary of a board paper (MADR-style). */
export const Decision = z.object({
  context: z.string().max(50_000).default(''),
  options: z.array(DecisionOption).max(20).default([]),
  recommendation: z.string().max(20_000).default(''),
  decision: z.string().max(20_000).default(''),
  rationale: z.string().max(20_000).default(''),
  decidedBy: z
    .object({ name: z.string().max(200), role: z.string().max(200) })
    .nullable()
    .default(null),
  decidedOn: LocalDate.nullable().default(null),
  status: DecisionStatus.default('proposed'),
  /** Item ids of the decisions this one replaces / is replaced by. */
  supersedes: Id.nullable().default(null),
  supersededBy: Id.nullable().default(null),
  nist: z.array(NistFunction).default([]),
  cobit: z.array(CobitDomain).default([]),
});
export type Decision = z.infer<typeof Decision>;

/** A follow-up with an owner and a due date. */
export const Action = z.object({
  id: Id,
  title: z.string().trim().min(1, 'an action needs a title').max(500),
  owner: z.string().max(200).default(''),
  due: LocalDate.nullable().default(null),
  done: z.boolean().default(false),
});
export type Action = z.infer<typeof Action>;

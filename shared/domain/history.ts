import { z } from 'zod';
import { Id, Instant } from './common';

export const Entity = z.enum(['client', 'meeting', 'item', 'capture', 'vendor', 'contract', 'device']);
export type Entity = z.infer<typeof Entity>;

export const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

/** One attributable change: who, when, what, from what to what. */
export const HistoryEntry = z.object({
  id: Id,
  entity: Entity,
  entityId: Id,
  /** The item this change is part of the story of, when there is one (captures, the item itself). */
  itemId: Id.nullable(),
  action: z.enum(['create', 'update', 'delete']),
  at: Instant,
  by: z.string().min(1),
  /**
   * The author's account on the sync server, when known (a change pulled from it, or one made while signed in).
   * History shows the member's current name through it, so a rename does not rewrite history; `by` is the fallback.
   */
  byId: z.string().min(1).optional(),
  changes: z.array(FieldChange),
  /** A concurrent edit lost to another on sync: `from` is the losing value, kept here, `to` the one that won. */
  conflict: z.boolean().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

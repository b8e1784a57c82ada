import { z } from 'zod';
import { Domain, Id, Instant } from './common';

export const VendorRole = z.enum(['msp', 'saas', 'telecom', 'hardware', 'consulting', 'other']);
export type VendorRole = z.infer<typeof VendorRole>;

export const Contact = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().max(320).default(''),
  phone: z.string().max(50).default(''),
  role: z.string().max(200).default(''),
});
export type Contact = z.infer<typeof Contact>;

export const Vendor = z.object({
  id: Id,
  clientId: Id,
  name: z.string().trim().min(1, 'a vendor needs a name').max(200),
  domains: z.array(Domain).default([]),
  role: VendorRole.default('other'),
  contacts: z.array(Contact).max(50).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Vendor = z.infer<typeof Vendor>;

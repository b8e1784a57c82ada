import { z } from 'zod';
import { Domain, Id, Instant } from './common';

export const VendorRole = z.enum(['msp', 'saas', 'telecom', 'hardware', 'consulting', 'other']);
export type VendorRole = z.infer<typeof VendorRole>;

export const Vendor = z.object({
  id: Id,
  clientId: Id,
  name: z.string().trim().min(1, 'a vendor needs a name').max(200),
  domains: z.array(Domain).default([]),
  role: VendorRole.default('other'),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Vendor = z.infer<typeof Vendor>;

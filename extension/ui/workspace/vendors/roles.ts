import type { VendorRole } from '../../../../shared/domain';

/** The roles as a vCIO names them on a board paper. */
export const ROLE_LABEL: Record<VendorRole, string> = {
  msp: 'MSP',
  saas: 'SaaS',
  telecom: 'Telecom',
  hardware: 'Hardware',
  consulting: 'Consulting',
  other: 'Other',
};

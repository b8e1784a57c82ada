import type { CobitDomain, DecisionStatus, NistFunction, Risk, VendorRole } from '../domain';

export const DECISION_STATUS_LABEL: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deferred: 'Deferred',
  superseded: 'Superseded',
};

export const RISK_LABEL: Record<Risk, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const NIST_LABEL: Record<NistFunction, string> = {
  govern: 'Govern',
  identify: 'Identify',
  protect: 'Protect',
  detect: 'Detect',
  respond: 'Respond',
  recover: 'Recover',
};

export const COBIT_LABEL: Record<CobitDomain, string> = {
  EDM: 'EDM — Evaluate, Direct and Monitor',
  APO: 'APO — Align, Plan and Organise',
  BAI: 'BAI — Build, Acquire and Implement',
  DSS: 'DSS — Deliver, Service and Support',
  MEA: 'MEA — Monitor, Evaluate and Assess',
};

export const ROLE_LABEL: Record<VendorRole, string> = {
  msp: 'Managed service provider',
  saas: 'SaaS',
  telecom: 'Telecom',
  hardware: 'Hardware',
  consulting: 'Consulting',
  other: 'Other',
};

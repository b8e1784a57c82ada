/**
 * The domain's closed word lists and their labels, kept apart from zod (the schemas build their enums from these), so
 * the popup can show a form without loading the schemas.
 */
export const SECTION_VALUES = ['project-review', 'vendor-follow-up', 'decision-to-prepare', 'urgent'] as const;
export type Section = (typeof SECTION_VALUES)[number];
/** Agenda order, as held in the meeting. */
export const SECTIONS: readonly Section[] = SECTION_VALUES;
export const SECTION_LABEL: Record<Section, string> = {
  'project-review': 'Project review',
  'vendor-follow-up': 'Vendor follow-up',
  'decision-to-prepare': 'Decisions to prepare for leadership',
  urgent: 'Urgent items',
};

export const ITEM_KINDS = [
  'proposal',
  'quote',
  'contract',
  'renewal',
  'incident',
  'change',
  'project',
  'other',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const KIND_LABEL: Record<ItemKind, string> = {
  proposal: 'Proposal',
  quote: 'Quote',
  contract: 'Contract',
  renewal: 'Renewal',
  incident: 'Incident',
  change: 'Change',
  project: 'Project',
  other: 'Other',
};

export const ITEM_STATUSES = [
  'inbox',
  'to-prepare',
  'on-agenda',
  'decided',
  'deferred',
  'rejected',
  'withdrawn',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const STATUS_LABEL: Record<ItemStatus, string> = {
  inbox: 'Inbox',
  'to-prepare': 'To prepare',
  'on-agenda': 'On agenda',
  decided: 'Decided',
  deferred: 'Deferred',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const RECURRENCES = ['one-time', 'monthly', 'quarterly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
/** How often an amount is paid, as the period selects say it. */
export const RECURRENCE_LABEL: Record<Recurrence, string> = {
  'one-time': 'Once',
  monthly: 'Per month',
  quarterly: 'Per quarter',
  yearly: 'Per year',
};

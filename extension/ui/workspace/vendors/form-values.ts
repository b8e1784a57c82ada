import type { Contract, Recurrence } from '../../../../shared/domain';
import type { ContractInput } from '../../../store/contracts';

/** The contract form as typed: text, so a half-typed number is kept rather than lost. */
export interface ContractFields {
  title: string;
  termStart: string;
  termEnd: string;
  autoRenew: boolean;
  renewalMonths: string;
  noticeDays: string;
  amount: string;
  currency: string;
  recurrence: Recurrence;
  captureIds: string[];
  notes: string;
}

/** What the form decides; the client and vendor come from where the form is. */
export type ContractFormValue = Omit<ContractInput, 'clientId' | 'vendorId'>;

export function emptyContractFields(): ContractFields {
  return {
    title: '',
    termStart: '',
    termEnd: '',
    autoRenew: false,
    renewalMonths: '12',
    noticeDays: '30',
    amount: '',
    currency: '',
    recurrence: 'yearly',
    captureIds: [],
    notes: '',
  };
}

export function contractFields(c: Contract): ContractFields {
  return {
    title: c.title,
    termStart: c.termStart,
    termEnd: c.termEnd,
    autoRenew: c.autoRenew,
    renewalMonths: String(c.renewalMonths),
    noticeDays: String(c.noticeDays),
    amount: c.value ? String(c.value.value) : '',
    currency: c.value?.currency ?? '',
    recurrence: c.value?.recurrence ?? 'yearly',
    captureIds: [...c.captureIds],
    notes: c.notes,
  };
}

/** "4,500.00" or "4 500" → 4500; anything else that is not a number → NaN. */
function number(text: string): number {
  const cleaned = text.replace(/[\s,\u00a0]/g, '');
  return cleaned === '' ? NaN : Number(cleaned);
}

/**
 * Turns the typed form into a contract input. Only what cannot be said as data is refused here (a number that is
 * not one, a missing date); the store judges the rest (an end before the start, a negative notice, no currency)
 * so its message is the one the user sees, whichever screen the write came from.
 */
export function parseContractFields(
  f: ContractFields,
): { ok: true; value: ContractFormValue } | { ok: false; error: string } {
  if (!f.termStart || !f.termEnd) return { ok: false, error: 'Give the term’s start and end dates.' };
  const noticeDays = number(f.noticeDays);
  if (Number.isNaN(noticeDays)) return { ok: false, error: 'Give the notice period in days (0 if none).' };
  const renewalMonths = number(f.renewalMonths);
  if (f.autoRenew && Number.isNaN(renewalMonths))
    return { ok: false, error: 'Give the length of each renewal in months, such as 12.' };
  let value: ContractFormValue['value'] = null;
  if (f.amount.trim()) {
    const amount = number(f.amount);
    if (Number.isNaN(amount)) return { ok: false, error: 'The amount must be a number, such as 4500.' };
    value = { value: amount, currency: f.currency.trim().toUpperCase(), recurrence: f.recurrence };
  }
  return {
    ok: true,
    value: {
      title: f.title.trim(),
      termStart: f.termStart,
      termEnd: f.termEnd,
      autoRenew: f.autoRenew,
      // Kept even when it does not renew, so unticking and re-ticking does not lose it.
      ...(Number.isNaN(renewalMonths) ? {} : { renewalMonths }),
      noticeDays,
      value,
      captureIds: [...new Set(f.captureIds)],
      notes: f.notes,
    },
  };
}

/** "acme.com, Acme-MSP.com\nportal.acme.com" → ['acme.com', 'acme-msp.com', 'portal.acme.com']. */
export function splitDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

import { describe, expect, it } from 'vitest';
import type { Client, Hints } from '../../../shared/domain';
import {
  type CaptureContext,
  FormError,
  forClient,
  initialForm,
  toFileTo,
} from '../../../extension/ui/capture/form-state';
import { pageDraft } from '../../support/store';

const client = (id: string, name: string, domains: string[] = []): Client => ({
  id,
  name,
  cadence: 'weekly',
  weekday: 3,
  time: '10:00',
  timeZone: 'Europe/Paris',
  weekOfMonth: 1,
  anchorDate: '2026-01-07',
  meetingMinutes: 60,
  fiscalYearStart: 1,
  domains,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const ctx: CaptureContext = {
  clients: [client('a', 'Alpha'), client('b', 'Beta')],
  vendors: [
    {
      id: 'v1',
      clientId: 'b',
      name: 'Acme MSP',
      domains: ['acme-msp.com'],
      role: 'msp',
      contacts: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  meetings: [],
  lastClientId: 'b',
  now: new Date('2026-11-26T12:00:00Z'), // a Thursday
};

const hints: Hints = {
  clientId: null,
  clientWhy: null,
  vendor: { vendorId: null, name: 'Acme Msp', domain: 'acme-msp.com', why: 'new vendor from acme-msp.com' },
  amounts: [
    {
      value: 4500,
      currency: 'USD',
      recurrence: 'monthly',
      text: '$4,500/month',
      label: 'Managed services',
      role: 'line',
    },
  ],
  dates: [
    { date: '2026-11-01', label: 'decide-by', text: 'past' },
    { date: '2026-12-02', label: 'quote-date', text: 'Quote date: December 2, 2026' },
    { date: '2026-12-15', label: 'valid-until', text: 'valid until December 15, 2026' },
  ],
  phrases: [],
  kind: 'quote',
  kindWhy: 'the title says quote',
  title: 'Quote Q-1042',
};

describe('quick-capture form state', () => {
  it('starts from the last client, its next meeting and the hints', () => {
    const form = initialForm(pageDraft(), hints, ctx);
    expect(form.clientId).toBe('b');
    expect(form.meetingId).toBe('b@2026-12-02'); // next Wednesday
    expect(form.vendorName).toBe('Acme MSP'); // the registry's spelling wins
    expect([form.amount, form.currency, form.recurrence]).toEqual(['4500', 'USD', 'monthly']);
    expect(form.decideBy).toBe('2026-12-15'); // past dates and the quote's own date are not offered as decide-by
    expect(form.section).toBe('decision-to-prepare');
  });

  it('moves meeting and vendor with the client', () => {
    const form = forClient(initialForm(pageDraft(), hints, ctx), pageDraft(), ctx, 'a');
    expect(form.meetingId).toBe('a@2026-12-02');
    const fileTo = toFileTo(form, pageDraft(), ctx);
    expect(fileTo.to === 'new-item' && fileTo.item.vendor).toEqual({ name: 'Acme Msp', domain: 'acme-msp.com' });
  });

  it('files an existing vendor by id', () => {
    const fileTo = toFileTo(initialForm(pageDraft(), hints, ctx), pageDraft(), ctx);
    expect(fileTo.to === 'new-item' && fileTo.item.vendor).toEqual({ id: 'v1' });
    expect(fileTo.to === 'new-item' && fileTo.item.amount).toEqual({
      value: 4500,
      currency: 'USD',
      recurrence: 'monthly',
    });
  });

  it('keeps a one-time fee beside a recurring amount, and only there', () => {
    const onboarding = {
      value: 6000,
      currency: 'USD',
      recurrence: 'one-time' as const,
      text: '$6,000',
      label: 'Onboarding',
      role: 'line' as const,
    };
    const form = initialForm(pageDraft(), { ...hints, amounts: [...hints.amounts, onboarding] }, ctx);
    expect([form.amount, form.recurrence, form.oneTime]).toEqual(['4500', 'monthly', '6000']);
    const fileTo = toFileTo(form, pageDraft(), ctx);
    expect(fileTo.to === 'new-item' && fileTo.item.oneTimeAmount).toEqual({
      value: 6000,
      currency: 'USD',
      recurrence: 'one-time',
    });
    // A one-time amount has no second one-time fee, whatever the field still holds.
    const once = toFileTo({ ...form, recurrence: 'one-time' }, pageDraft(), ctx);
    expect(once.to === 'new-item' && once.item.oneTimeAmount).toBeNull();
    expect(() => toFileTo({ ...form, oneTime: 'lots' }, pageDraft(), ctx)).toThrow(/^One-time fee: /);
  });

  it('explains what is wrong instead of saving', () => {
    const form = initialForm(pageDraft(), hints, ctx);
    expect(() => toFileTo({ ...form, amount: 'lots' }, pageDraft(), ctx)).toThrow(FormError);
    expect(() => toFileTo({ ...form, currency: '' }, pageDraft(), ctx)).toThrow('An amount needs a currency code');
    expect(() => toFileTo({ ...form, title: ' ' }, pageDraft(), ctx)).toThrow('Give the item a title.');
    expect(() => toFileTo({ ...form, clientId: '' }, pageDraft(), ctx)).toThrow('Choose the client');
  });
});

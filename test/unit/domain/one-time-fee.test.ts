import { describe, expect, it } from 'vitest';
import { HeldAgendaLine, Item, Meeting } from '../../../shared/domain';
import { describeChange, fieldLabel, valueInWords } from '../../../shared/history/words';

/** An item as a Docket from before the one-time fee stored it: no `oneTimeAmount` at all. */
const oldItem = {
  id: 'i1',
  clientId: 'c1',
  meetingId: null,
  section: 'decision-to-prepare',
  kind: 'proposal',
  status: 'inbox',
  title: 'Managed services proposal',
  vendorId: null,
  amount: { value: 7850, currency: 'CAD', recurrence: 'monthly' },
  decideBy: null,
  urgent: false,
  tags: [],
  createdAt: '2026-11-02T14:00:00.000Z',
  createdBy: 'me',
  updatedAt: '2026-11-02T14:00:00.000Z',
};
const fee = { value: 12500, currency: 'CAD', recurrence: 'one-time' } as const;

describe('an item’s one-time fee', () => {
  it('is none on an item stored before there was one', () => {
    expect(Item.parse(oldItem).oneTimeAmount).toBeNull();
  });

  it('is kept beside the recurring amount', () => {
    const item = Item.parse({ ...oldItem, oneTimeAmount: fee });
    expect(item.amount).toEqual({ value: 7850, currency: 'CAD', recurrence: 'monthly' });
    expect(item.oneTimeAmount).toEqual(fee);
  });

  it('is refused when it recurs, saying where the sum belongs', () => {
    const result = Item.safeParse({ ...oldItem, oneTimeAmount: { ...fee, recurrence: 'monthly' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'oneTimeAmount.recurrence',
        'a one-time fee is paid once (its recurrence must be one-time); a recurring sum goes in the amount',
      ],
    ]);
  });

  it('is checked as money first: a fee without a currency is refused as any amount is', () => {
    const result = Item.safeParse({ ...oldItem, oneTimeAmount: { value: 10, recurrence: 'one-time' } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['oneTimeAmount.currency']);
  });

  it('is absent (none) on a line of an agenda frozen before there was one, and kept on a newer line', () => {
    const line = {
      itemId: 'i1',
      title: 'Managed services proposal',
      section: 'decision-to-prepare',
      status: 'on-agenda',
      vendor: null,
      amount: oldItem.amount,
      discussed: true,
      decision: null,
      actions: [],
    };
    // Parsed as it was stored: a line frozen by an older Docket stays byte for byte what it was.
    expect(HeldAgendaLine.parse(line)).toEqual(line);
    expect(HeldAgendaLine.parse({ ...line, oneTimeAmount: fee }).oneTimeAmount).toEqual(fee);
    const meeting = Meeting.parse({
      id: 'm1',
      clientId: 'c1',
      startsAt: '2026-11-10T14:00:00.000Z',
      status: 'held',
      fromCadence: true,
      heldAgenda: [line],
      heldAt: '2026-11-10T16:00:00.000Z',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-10T16:00:00.000Z',
    });
    expect(meeting.heldAgenda![0]!.oneTimeAmount ?? null).toBeNull();
  });

  it('reads in history as "One-time fee", in words', () => {
    expect(fieldLabel('oneTimeAmount')).toBe('One-time fee');
    expect(valueInWords('oneTimeAmount', fee)).toBe('CA$12,500.00 one-time');
    expect(describeChange('oneTimeAmount', null, fee)).toEqual([
      { label: 'One-time fee', text: 'none → CA$12,500.00 one-time' },
    ]);
  });
});

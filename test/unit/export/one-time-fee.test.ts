import { describe, expect, it } from 'vitest';
import {
  agendaMarkdown,
  decisionBriefMarkdown,
  exportClientLog,
  handoffFiles,
  minutesMarkdown,
  parseClientLog,
} from '../../../shared/export';
import { formatMoney, itemAmountText } from '../../../shared/export/format';
import { backup, captures, client, harbor, held, log, mapleRenewal, NOW, planned, TODAY } from './fixture';

const cad = (value: number, recurrence: 'one-time' | 'monthly') => ({ value, currency: 'CAD', recurrence });

describe('itemAmountText', () => {
  it('says the recurring amount, then the one-time fee, as formatMoney says each', () => {
    const item = { amount: cad(7850, 'monthly'), oneTimeAmount: cad(12500, 'one-time') };
    expect(itemAmountText(item)).toBe('CA$7,850.00/month + CA$12,500.00 one-time');
    expect(itemAmountText(item)).toBe(`${formatMoney(item.amount)} + ${formatMoney(item.oneTimeAmount)}`);
  });

  it('keeps each sum in its own currency: they are never added', () => {
    expect(
      itemAmountText({
        amount: { value: 289, currency: 'USD', recurrence: 'monthly' },
        oneTimeAmount: cad(600, 'one-time'),
      }),
    ).toBe('$289.00/month + CA$600.00 one-time');
  });

  it('says one sum alone, and nothing when there is none', () => {
    expect(itemAmountText({ amount: cad(4500, 'monthly'), oneTimeAmount: null })).toBe('CA$4,500.00/month');
    expect(itemAmountText({ amount: null, oneTimeAmount: cad(600, 'one-time') })).toBe('CA$600.00 one-time');
    expect(itemAmountText({ amount: null, oneTimeAmount: null })).toBeNull();
  });

  it('reads an item or a frozen line from before the fee (no field) as its amount alone', () => {
    expect(itemAmountText({ amount: cad(6800, 'one-time') })).toBe('CA$6,800.00 one-time');
    expect(itemAmountText({ amount: null })).toBeNull();
  });
});

describe('every export shows the one-time fee beside the amount', () => {
  const maple = 'CA$1,180.00/month + CA$2,400.00 one-time';
  const backupText = '$289.00/month + CA$600.00 one-time';

  it('the agenda', () => {
    const md = agendaMarkdown({
      client,
      meeting: planned,
      items: log.items.filter((i) => i.meetingId === planned.id),
      vendors: log.vendors,
    });
    expect(md).toContain(`Vendor: Maple Voice · Amount: ${maple} · Decide by`);
    expect(md).toContain(`Vendor: Harbor IT Services · Amount: ${backupText} · Decide by`);
  });

  it('the minutes, from the frozen line', () => {
    expect(minutesMarkdown({ client, meeting: held })).toContain(`Maple Voice · ${maple} · On agenda`);
  });

  it('the decision brief', () => {
    expect(decisionBriefMarkdown({ client, item: backup, vendor: harbor, captures })).toContain(
      `- **Amount:** ${backupText}\n`,
    );
  });

  it('the handoff pack’s open follow-ups and meetings', () => {
    const files = handoffFiles({ log, today: TODAY });
    expect(files['open-follow-ups.md']).toContain(`Harbor IT Services · ${backupText}`);
    expect(files['open-follow-ups.md']).toContain(`Maple Voice · ${maple}`);
    const meetingFiles = Object.entries(files).filter(([path]) => path.startsWith('meetings/'));
    expect(meetingFiles.filter(([, text]) => text.includes(maple)).length).toBe(2); // planned and held
  });
});

describe('the client log keeps the one-time fee', () => {
  it('round trip: the fee comes back as it went', () => {
    const result = parseClientLog(exportClientLog(log, NOW));
    if (!result.ok) throw new Error(result.errors.join(' | '));
    expect(result.log.items.find((i) => i.id === mapleRenewal.id)!.oneTimeAmount).toEqual(cad(2400, 'one-time'));
    expect(result.log.items.find((i) => i.id === backup.id)!.oneTimeAmount).toEqual(cad(600, 'one-time'));
    const line = result.log.meetings
      .find((m) => m.id === held.id)!
      .heldAgenda!.find((l) => l.itemId === mapleRenewal.id);
    expect(line!.oneTimeAmount).toEqual(cad(2400, 'one-time'));
  });

  it('a log exported before there was a fee imports with none', () => {
    const old = JSON.parse(exportClientLog(log, NOW)) as { items: Record<string, unknown>[] };
    for (const item of old.items) delete item.oneTimeAmount;
    const result = parseClientLog(JSON.stringify(old));
    if (!result.ok) throw new Error(result.errors.join(' | '));
    expect(result.log.items.map((i) => i.oneTimeAmount)).toEqual(result.log.items.map(() => null));
  });

  it('a recurring fee is refused, naming the item and why', () => {
    const bad = JSON.parse(exportClientLog(log, NOW)) as { items: Record<string, unknown>[] };
    const at = bad.items.findIndex((i) => i.id === backup.id);
    bad.items[at]!.oneTimeAmount = { value: 600, currency: 'CAD', recurrence: 'monthly' };
    expect(parseClientLog(JSON.stringify(bad))).toEqual({
      ok: false,
      errors: [
        `items[${at}].oneTimeAmount.recurrence: a one-time fee is paid once (its recurrence must be one-time); ` +
          'a recurring sum goes in the amount',
      ],
    });
  });
});

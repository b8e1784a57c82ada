import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../../shared/domain';
import { nearestNotice, nextNotice, noticeLevel } from '../../../../extension/ui/workspace/vendors/notice';

function contract(over: Partial<Contract>): Contract {
  return {
    id: 'k',
    clientId: 'c',
    vendorId: 'v',
    title: 'MSA',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: false,
    renewalMonths: 12,
    noticeDays: 60,
    value: null,
    captureIds: [],
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

describe('noticeLevel', () => {
  it('is red within 30 days, highlighted within 90, quiet after and for the past', () => {
    expect([0, 30, 31, 90, 91, -1, null].map(noticeLevel)).toEqual([
      'urgent',
      'urgent',
      'soon',
      'soon',
      null,
      null,
      null,
    ]);
  });
});

describe('nextNotice', () => {
  it('counts the days to this term’s deadline', () => {
    expect(nextNotice(contract({}), '2026-10-01')).toEqual({
      termEnd: '2026-12-31',
      deadline: '2026-11-01',
      daysLeft: 31,
      level: 'soon',
      missed: false,
      expired: false,
    });
  });

  it('moves to the next term’s deadline once this one is missed on an auto-renewing contract', () => {
    const n = nextNotice(contract({ autoRenew: true }), '2026-11-15');
    expect(n).toMatchObject({ termEnd: '2026-12-31', deadline: '2027-11-01', missed: true, level: null });
  });

  it('skips as many short terms as a long notice period needs', () => {
    // Monthly renewal, 60 days' notice, on 2026-12-10: the terms ending 2026-12-31 (deadline 2026-11-01) and
    // 2027-01-31 (deadline 2026-12-02) can no longer be stopped; the one ending 2027-02-28 still can, until 2026-12-30.
    const n = nextNotice(contract({ autoRenew: true, renewalMonths: 1 }), '2026-12-10');
    expect(n).toMatchObject({
      termEnd: '2026-12-31',
      deadline: '2026-12-30',
      daysLeft: 20,
      level: 'urgent',
      missed: true,
    });
  });

  it('has no deadline left for a contract that ends anyway or has expired', () => {
    expect(nextNotice(contract({}), '2026-11-15')).toMatchObject({ deadline: null, missed: true, expired: false });
    expect(nextNotice(contract({}), '2027-01-05')).toMatchObject({ deadline: null, expired: true, level: null });
  });
});

describe('nearestNotice', () => {
  it('picks the earliest deadline and ignores contracts with none', () => {
    const later = nextNotice(contract({ termEnd: '2027-06-30' }), '2026-10-01');
    const sooner = nextNotice(contract({}), '2026-10-01');
    const none = nextNotice(contract({ termEnd: '2026-01-31' }), '2026-10-01');
    expect(nearestNotice([later, none, sooner])?.deadline).toBe('2026-11-01');
    expect(nearestNotice([none])).toBeNull();
  });
});

import type { Contract } from '../../../../shared/domain';
import { addDays, daysBetween } from '../../../../shared/rules';
import { contractDates } from '../../../../shared/rules/contract-dates';

/** How loudly to show a notice deadline: red within 30 days, highlighted within 90. */
export type NoticeLevel = 'urgent' | 'soon' | null;

export interface NextNotice {
  /** End of the current term (rolled forward when it auto-renews). */
  termEnd: string;
  /** The next day by which notice can still be given, or null when there is none left (expired, or ends anyway). */
  deadline: string | null;
  /** Days from today to `deadline`. */
  daysLeft: number | null;
  level: NoticeLevel;
  /** The current term's notice deadline has already passed. */
  missed: boolean;
  expired: boolean;
}

export function noticeLevel(daysLeft: number | null): NoticeLevel {
  if (daysLeft === null || daysLeft < 0) return null;
  return daysLeft <= 30 ? 'urgent' : daysLeft <= 90 ? 'soon' : null;
}

/**
 * The next notice deadline that can still be met. When this term's has passed on an auto-renewing contract,
 * the next chance is the following term's (a monthly renewal with 60 days' notice skips more than one term).
 */
export function nextNotice(contract: Contract, today: string): NextNotice {
  const now = contractDates(contract, today);
  const missed = now.noticeDeadline < today;
  let deadline: string | null = now.expired || (missed && !now.renewsAutomatically) ? null : now.noticeDeadline;
  for (let from = now.termEnd; deadline !== null && deadline < today;) {
    const next = contractDates(contract, addDays(from, 1));
    from = next.termEnd;
    deadline = next.noticeDeadline;
  }
  const daysLeft = deadline ? daysBetween(today, deadline) : null;
  return { termEnd: now.termEnd, deadline, daysLeft, level: noticeLevel(daysLeft), missed, expired: now.expired };
}

/** The earliest deadline among a vendor's contracts, for its row in the list. */
export function nearestNotice(notices: NextNotice[]): NextNotice | null {
  let best: NextNotice | null = null;
  for (const n of notices) if (n.deadline && (!best?.deadline || n.deadline < best.deadline)) best = n;
  return best;
}

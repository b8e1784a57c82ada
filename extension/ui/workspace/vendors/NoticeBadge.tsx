import type { NextNotice } from './notice';

/** "Notice by 2026-11-01 (in 12 days)", amber within 90 days, red within 30. */
export function NoticeBadge({ notice }: { notice: NextNotice }) {
  if (!notice.deadline)
    return <span class="notice-date muted">{notice.expired ? 'Expired' : 'No notice left to give'}</span>;
  const days = notice.daysLeft ?? 0;
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return (
    <span class={`notice-date${notice.level ? ` ${notice.level}` : ''}`} data-level={notice.level ?? 'later'}>
      Notice by {notice.deadline} ({when})
    </span>
  );
}

/** What `verifyPack` says: problems (anything that does not verify), what did verify, and a verdict per sealed meeting. */

export type MeetingVerdict = 'unchanged' | 'amended' | 'fails';

export type MeetingReport = {
  meetingId: string;
  title: string;
  startsAt: string;
  verdict: MeetingVerdict;
  /** What was checked and what it showed, then each amendment or failure, in the vCIO's words. */
  lines: string[];
};

export type PackReport = {
  /** True when there is no problem. Amendments are not problems. */
  ok: boolean;
  /** Each names what differs and where (file, line, record, field, checkpoint). */
  problems: string[];
  /** What verified, one human line each. */
  log: string[];
  meetings: MeetingReport[];
  /** From ledger/pack.json, when it could be read: whose pack this is. */
  pack?: { client: string; space: string | null; scope: string; createdAt: string; createdBy: string };
};

const VERDICT: Record<MeetingVerdict, string> = {
  unchanged: 'UNCHANGED',
  amended: 'AMENDED',
  fails: 'FAILS',
};

/**
 * A pack's text made safe to print: what a pack says (titles, names, ids) could otherwise hold terminal escapes,
 * bidi overrides or line breaks that fake a line of the report ("RESULT: everything verifies"). Each becomes a
 * visible mark, so every entry stays one line that says what the pack holds.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' ? ' ⏎ ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The report as text, for the terminal and the page (shown as text, never as markup), every entry one line. */
export function formatReport(report: PackReport): string {
  const out: string[] = ['Docket ledger pack verification'];
  if (report.pack) {
    const p = report.pack;
    out.push(`Client: ${printable(p.client)}`);
    out.push(`Pack: ${printable(p.scope)}, exported ${printable(p.createdAt)} by ${printable(p.createdBy)}`);
    out.push(
      p.space ? `Shared client: the log of space ${printable(p.space)}` : 'Not shared: no signed log, seals only',
    );
  }
  out.push('');
  if (report.meetings.length) {
    out.push(`Sealed meetings (${report.meetings.length})`);
    for (const m of report.meetings) {
      out.push(`  [${VERDICT[m.verdict]}] ${printable(m.title)} (meeting ${printable(m.meetingId)})`);
      for (const line of m.lines) out.push(`      ${printable(line)}`);
    }
  } else out.push('Sealed meetings: none in this pack');
  out.push('');
  out.push('What verified');
  for (const line of report.log) out.push(`  - ${printable(line)}`);
  out.push('');
  if (report.problems.length) {
    out.push(`Problems (${report.problems.length})`);
    report.problems.forEach((p, i) => out.push(`  ${i + 1}. ${printable(p)}`));
    out.push('');
    out.push(
      `RESULT: DOES NOT VERIFY — ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}`,
    );
  } else {
    const amended = report.meetings.filter((m) => m.verdict === 'amended').length;
    out.push(
      `RESULT: everything verifies${amended ? ` (${amended} sealed ${amended === 1 ? 'meeting was' : 'meetings were'} amended after sealing, as shown above)` : ''}`,
    );
  }
  return out.join('\n') + '\n';
}

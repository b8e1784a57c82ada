/**
 * The minutes of a held meeting. They come only from the agenda frozen when the meeting was marked held and from
 * the notes taken in it, never from the live items: minutes are a record, and later edits must not rewrite them.
 */
import { SECTION_LABEL, SECTIONS, STATUS_LABEL, type Client, type HeldAgendaLine, type Meeting } from '../domain';
import { CLOSED_STATUSES } from '../rules/carry-forward';
import { DECISION_STATUS_LABEL } from './labels';
import { formatDate, formatMeetingTime, itemAmountText, localDateOf } from './format';
import { block, document, inline } from './markdown';
import { amendmentLines, type CurrentLog, sealLine } from './seal-text';

/** `log`: what the log holds now, for a sealed meeting's amendments (without it, none are listed). */
export type MinutesInput = { client: Client; meeting: Meeting; log?: CurrentLog };

const NONE = '_None._';

/** A decision was taken when it says something or is no longer just proposed. */
function decided(line: HeldAgendaLine): boolean {
  return line.decision !== null && (line.decision.decision.trim() !== '' || line.decision.status !== 'proposed');
}

function list(lines: string[]): string {
  return lines.length ? lines.join('\n') : NONE;
}

function decisionLine(line: HeldAgendaLine): string {
  const d = line.decision!;
  const what = d.decision.trim() ? ` ${inline(d.decision)}` : '';
  const by = d.decidedBy ? ` (decided by ${inline(d.decidedBy)})` : '';
  return `- **${inline(line.title)}** — ${DECISION_STATUS_LABEL[d.status]}.${what}${by}`;
}

function actionLines(lines: HeldAgendaLine[]): string[] {
  return lines.flatMap((line) =>
    line.actions.map((a) => {
      const facts = [`Owner: ${a.owner.trim() ? inline(a.owner) : '_unassigned_'}`];
      facts.push(`Due: ${a.due ? formatDate(a.due) : '_no date_'}`);
      facts.push(`For: ${inline(line.title)}`);
      return `- [${a.done ? 'x' : ' '}] ${inline(a.title)} — ${facts.join(' · ')}`;
    }),
  );
}

function agendaLine(line: HeldAgendaLine): string {
  const facts = [
    SECTION_LABEL[line.section],
    line.vendor ? inline(line.vendor) : null,
    itemAmountText(line),
    STATUS_LABEL[line.status],
  ].filter((f) => f !== null);
  return `- **${inline(line.title)}** — ${facts.join(' · ')}`;
}

export function minutesMarkdown(input: MinutesInput): string {
  const { client, meeting } = input;
  const when = formatMeetingTime(meeting.startsAt, client.timeZone);
  if (meeting.status !== 'held' || meeting.heldAgenda === null) {
    throw new Error(`There are no minutes yet: the meeting of ${when} is ${meeting.status}, not held.`);
  }
  // Agenda order: by section, keeping the frozen order inside each section.
  const rank = (l: HeldAgendaLine) => SECTIONS.indexOf(l.section);
  const lines = meeting.heldAgenda.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i);
  const held = lines.map(({ l }) => l);
  // Only open items slip to the next meeting (rules/carry-forward.ts); settled ones stay here, said so.
  const carried = held.filter((l) => !l.discussed && !CLOSED_STATUSES.includes(l.status));
  const settled = held.filter((l) => !l.discussed && CLOSED_STATUSES.includes(l.status));

  const facts = [meeting.title.trim() ? inline(meeting.title) : null];
  if (meeting.heldAt) facts.push(`Marked held on ${formatDate(localDateOf(meeting.heldAt, client.timeZone))}`);
  facts.push(`${held.filter((l) => l.discussed).length} of ${held.length} agenda items discussed`);
  const seal = meeting.seal?.statement;
  // A sealed meeting's notes are read from its sealed version; later edits are listed as amendments below.
  const sealedMeeting = meeting.seal?.versions.find((v) => v.table === 'meetings')?.record;
  const notes = typeof sealedMeeting?.minutes === 'string' ? sealedMeeting.minutes : meeting.minutes;
  const amended = input.log ? amendmentLines(meeting, input.log, client.timeZone) : [];

  return document([
    `# ${inline(client.name)} — minutes of the governance meeting, ${when}`,
    facts.filter((f) => f !== null).join(' · '),
    seal ? `**${inline(sealLine(seal, client.timeZone))}**` : null,
    `## Decisions\n\n${list(held.filter(decided).map(decisionLine))}`,
    `## Actions\n\n${list(actionLines(held))}`,
    `## Discussed\n\n${list(held.filter((l) => l.discussed).map(agendaLine))}`,
    `## Carried forward\n\nNot discussed; carried to the next meeting.\n\n${list(carried.map(agendaLine))}`,
    settled.length ? `## Not discussed, already settled\n\n${list(settled.map(agendaLine))}` : null,
    `## Notes\n\n${block(notes) || NONE}`,
    amended.length
      ? `## Amended after sealing\n\nThe sealed record above is unchanged; these changes were made afterwards.\n\n${list(amended.map((a) => `- ${inline(a.text)}`))}`
      : null,
    seal
      ? [
          '## Seal',
          `Sealed by ${inline(seal.sealedBy.name)} with the key of one of their browsers (key ${seal.device.keyId.slice(0, 16)}…).`,
          `Root: \`${seal.root}\``,
          'Keep this copy: the root above is the fingerprint of the sealed agenda, decisions and evidence. ' +
            'Anyone can check an evidence pack against it offline with `node verify.mjs <pack>` or verify.html.',
        ].join('\n\n')
      : null,
  ]);
}

import { PACK_FILES } from '../pack';
import { packRoot, type PackFiles } from '../pack-files';
import { Records } from './current';
import { checkLog, type LogResult } from './log';
import { readPack, type Sink } from './read';
import { formatReport, type MeetingReport, type PackReport } from './report';
import { compareWithLog, replay, type Replay } from './replay';
import { checkSealedMeeting } from './seals';
import { when } from './words';

export { formatReport, type MeetingReport, type PackReport };

/**
 * Verifies a ledger pack (shared/ledger/pack.ts says what it holds) from its files alone: the form of each ledger
 * file; for a shared client the log (order, every checkpoint's root recomputed, server and device signatures, forks)
 * and records.json against the log's replay; then each sealed meeting (device signature, root, sealed versions,
 * evidence and images, its place in the signed log) and its verdict: unchanged, amended (what, who, when) or fails.
 * Never throws on a bad pack: everything that does not verify is a problem naming the file and place.
 */
export async function verifyPack(input: PackFiles): Promise<PackReport> {
  const sink: Sink = { problems: [], log: [] };
  try {
    return await verify(input, sink);
  } catch (error) {
    // A pack built to break the checks themselves (nesting deeper than the stack, say) still gets a report.
    sink.problems.push(
      `the pack could not be checked to the end (${error instanceof Error ? error.message : String(error)}): it does not verify`,
    );
    return { ok: false, problems: sink.problems, log: sink.log, meetings: [] };
  }
}

async function verify(input: PackFiles, sink: Sink): Promise<PackReport> {
  const meetings: MeetingReport[] = [];
  const files = packRoot(input);
  const contents = readPack(files, sink);
  if (!contents) return { ok: false, problems: sink.problems, log: sink.log, meetings };
  const { manifest } = contents;
  sink.log.unshift(
    `${PACK_FILES.manifest}: the ${manifest.scope.kind === 'client' ? 'whole client' : 'evidence of one meeting'} ` +
      `of ${manifest.client.name} (client ${manifest.client.id}), exported ${when(manifest.createdAt)} by ${manifest.createdBy}`,
  );

  let log: LogResult | null = null;
  let replayed: Replay | null = null;
  if (manifest.space !== null && contents.leaves && contents.checkpoints) {
    replayed = replay(contents.leaves);
    log = await checkLog(contents.leaves, contents.checkpoints, contents.keys, manifest.space, replayed, sink);
    compareWithLog(contents, replayed, sink);
  } else if (manifest.space === null) {
    for (const f of [PACK_FILES.leaves, PACK_FILES.checkpoints])
      if (files.has(f)) sink.log.push(`${f} is ignored: this client is not shared (ledger/pack.json has no space)`);
    for (const d of contents.keys?.devices ?? [])
      sink.log.push(`device '${d.label}' (key ${d.keyId.slice(0, 12)}…) listed in ${PACK_FILES.keys}`);
  }

  const records = new Records(contents, replayed);
  const scope = manifest.scope;
  if (scope.kind === 'meeting' && !contents.records.meetings.some((m) => m.id === scope.meetingId))
    sink.problems.push(
      `${PACK_FILES.records} lacks meeting ${scope.meetingId}, the meeting this pack is the evidence of`,
    );
  for (const meeting of contents.records.meetings) {
    if (meeting.seal === undefined || meeting.seal === null) continue;
    meetings.push(await checkSealedMeeting(meeting, { contents, records, log, sink }));
  }
  meetings.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  return {
    ok: sink.problems.length === 0,
    problems: sink.problems,
    log: sink.log,
    meetings,
    pack: {
      client: `${manifest.client.name} (${manifest.client.id})`,
      space: manifest.space,
      scope: scope.kind === 'client' ? 'the whole client' : `the evidence of meeting ${scope.meetingId}`,
      createdAt: when(manifest.createdAt),
      createdBy: manifest.createdBy,
    },
  };
}

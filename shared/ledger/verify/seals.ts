import { MeetingSeal } from '../../domain/seal';
import { fromHex } from '../bytes';
import { keyIdOf, verify } from '../ed25519';
import { EVIDENCE_DIR, PACK_FILES, type PackRecord } from '../pack';
import { agendaHash, evidenceHash, recordHash, sealMessage, sealRoot, shortRoot } from '../seal';
import { amendments } from './amend';
import type { Records } from './current';
import type { CheckedCheckpoint, LogResult } from './log';
import type { PackContents, Sink } from './read';
import type { MeetingReport } from './report';
import { captureTitle, changes, clip, count, day, named, plural, sameValue, short, when } from './words';

const RECORDS = PACK_FILES.records;
const LEAVES = PACK_FILES.leaves;

type Context = { contents: PackContents; records: Records; log: LogResult | null; sink: Sink };

/** The checkpoint that best vouches for the seal's change: server-signed, co-signed by the sealing device if any is. */
function coverOf(checkpoints: CheckedCheckpoint[], seq: number, keyId: string): CheckedCheckpoint | undefined {
  const covering = checkpoints
    .filter((c) => c.rootMatches && c.serverSigned && c.cp.size >= seq)
    .sort((a, b) => a.cp.size - b.cp.size);
  return covering.find((c) => c.cosigners.has(keyId)) ?? covering[0];
}

/**
 * One sealed meeting: its seal's form and device signature, its root, the sealed versions and evidence against the
 * hashes signed, the evidence files, and (shared clients) the seal's place in the signed log; then the verdict.
 */
export async function checkSealedMeeting(meeting: PackRecord, ctx: Context): Promise<MeetingReport> {
  const { contents, records, log, sink } = ctx;
  const title = typeof meeting.title === 'string' && meeting.title.trim() ? meeting.title : 'Meeting';
  const startsAt = typeof meeting.startsAt === 'string' ? meeting.startsAt : '';
  const report: MeetingReport = {
    meetingId: meeting.id,
    title: `${clip(title, 80)}, ${day(startsAt)}`,
    startsAt,
    verdict: 'fails',
    lines: [],
  };
  const where = `sealed meeting '${clip(title, 60)}' of ${day(startsAt)} (id ${meeting.id})`;
  let failed = false;
  const fail = (file: string, text: string) => {
    failed = true;
    report.lines.push(`does not verify: ${text}`);
    sink.problems.push(`${file}: ${where}: ${text}`);
  };

  const parsed = MeetingSeal.safeParse(meeting.seal);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(RECORDS, `its seal is not in the form Docket writes (\`seal.${issue?.path.join('.')}\`: ${issue?.message})`);
    return report;
  }
  const seal = parsed.data;
  const { device, ...unsigned } = seal.statement;
  const s = seal.statement;
  report.lines.push(`sealed ${when(s.sealedAt)} by ${s.sealedBy.name} · root ${shortRoot(s.root)}`);
  if (s.meetingId !== meeting.id) fail(RECORDS, `its seal is the seal of another meeting (${s.meetingId})`);
  if (s.clientId !== contents.manifest.client.id)
    fail(RECORDS, `its seal is the seal of another client (${s.clientId})`);

  const publicKey = fromHex(device.publicKey);
  if (keyIdOf(publicKey) !== device.keyId)
    fail(RECORDS, `the seal names device key ${short(device.keyId)}, which is not the SHA-256 of the key it carries`);
  else if (!(await verify(publicKey, sealMessage(unsigned), fromHex(device.signature))))
    fail(RECORDS, `the sealing device's signature does not verify: what the seal states was altered after signing`);
  else report.lines.push(`the sealing device's signature verifies (device key ${short(device.keyId)})`);
  if (sealRoot(s) !== s.root)
    fail(RECORDS, `the root ${shortRoot(s.root)} is not the Merkle root of the hashes the seal lists`);

  // The sealed versions kept with the seal: one for each record hash signed, each hashing to it.
  const versions = new Map(seal.versions.map((v) => [`${v.table}:${v.id}`, v]));
  if (versions.size !== seal.versions.length) fail(RECORDS, `the seal keeps a sealed version twice`);
  const refs = new Set(s.records.map((ref) => `${ref.table}:${ref.id}`));
  for (const ref of s.records) {
    const v = versions.get(`${ref.table}:${ref.id}`);
    const name = named(ref.table, ref.id, v?.record);
    if (!v) fail(RECORDS, `the sealed version of ${name} is not kept with the seal`);
    else if (v.record.id !== v.id || recordHash(v.record) !== ref.hash)
      fail(RECORDS, `the sealed version of ${name} kept with the seal is not the one signed (its hash differs)`);
  }
  for (const v of seal.versions)
    if (!refs.has(`${v.table}:${v.id}`))
      fail(RECORDS, `the seal keeps a version of ${named(v.table, v.id, v.record)} that it does not list`);
  const meetingVersion = versions.get(`meetings:${meeting.id}`);
  if (!refs.has(`meetings:${meeting.id}`) || !meetingVersion)
    fail(RECORDS, `the seal does not list the meeting's own record`);
  else if (agendaHash(meetingVersion.record.heldAgenda as Parameters<typeof agendaHash>[0]) !== s.agenda)
    fail(RECORDS, `the held agenda kept with the seal does not hash to the agenda hash signed`);

  // Evidence: the captures as they are now (never rewritten) and the image files.
  const sealedItem = (id: string) => named('items', id, versions.get(`items:${id}`)?.record);
  let images = 0;
  for (const ev of s.evidence) {
    const now = records.get('captures', ev.captureId);
    const name = `evidence '${clip(captureTitle(now?.record) ?? ev.captureId, 60)}' (capture ${ev.captureId}) of ${sealedItem(ev.itemId)}`;
    if (now?.record && !now.deleted) {
      const shown = (now.record.images as { sha256?: unknown }[] | undefined)?.map((i) => i?.sha256) ?? [];
      if (evidenceHash(now.record) !== ev.hash) fail(RECORDS, `${name} differs from what was sealed`);
      else if (!sameValue(shown, ev.images)) fail(RECORDS, `the seal's list of images of ${name} is not the capture's`);
    } else if (records.shared && !now) fail(RECORDS, `${name} was sealed but is neither in ${RECORDS} nor in the log`);
    for (const sha of ev.images) {
      const file = contents.images.get(sha);
      if (!file) fail(EVIDENCE_DIR, `${EVIDENCE_DIR}${sha}.* (an image of ${name}) is missing from the pack`);
      else if (file.bytesSha256 !== sha)
        fail(file.path, `${file.path} (an image of ${name}) is not the image that was sealed: its bytes were altered`);
      else images += 1;
    }
  }
  if (!failed)
    report.lines.push(
      `${plural(s.records.length - 1, 'item')}, the held agenda and ${plural(s.evidence.length, 'piece')} of evidence` +
        `${images ? ` (${plural(images, 'image')})` : ''} match the hashes sealed`,
    );

  const sealSeq = log ? placeInLog(meeting, seal, ctx, fail, report) : null;
  if (!log) report.lines.push('not in a signed log: this client is not shared, so only the seal itself is verified');
  if (failed) return report;

  const found = amendments(meeting.id, seal, records, sealSeq, `${RECORDS}: ${where}: `);
  for (const u of found.unexplained) sink.problems.push(u);
  report.lines.push(...found.lines);
  if (found.unexplained.length) report.verdict = 'fails';
  else if (found.lines.length) report.verdict = 'amended';
  else {
    report.verdict = 'unchanged';
    report.lines.push('unchanged since sealed');
  }
  return report;
}

/** Shared clients: the seal is a logged change, its device registered by the account it names, in a signed checkpoint. */
function placeInLog(
  meeting: PackRecord,
  seal: MeetingSeal,
  ctx: Context,
  fail: (file: string, text: string) => void,
  report: MeetingReport,
): number | null {
  const log = ctx.log!;
  const { device, sealedBy } = seal.statement;
  const reg = log.devices.get(device.keyId)?.leaf.change;
  if (!reg) fail(LEAVES, `the sealing device (key ${short(device.keyId)}) is not registered in the log`);
  else if (sealedBy.accountId !== null && reg.authorId !== sealedBy.accountId)
    fail(
      LEAVES,
      `the seal says ${sealedBy.name} (account ${sealedBy.accountId}) sealed it, but the sealing device was registered ` +
        `by ${reg.author} (account ${reg.authorId}) at change ${count(reg.seq)}`,
    );
  else {
    report.lines.push(`the sealing device was registered in the log by ${reg.author} (change ${count(reg.seq)})`);
    if (sealedBy.accountId === null)
      report.lines.push(
        `the seal names ${sealedBy.name} but no account (sealed before this client was shared): the name is the sealing device's own word`,
      );
  }
  const logged = ctx.records.get('meetings', meeting.id)?.logged;
  const leaf = logged?.leaves.find((l) => l.change?.field === 'seal' && sameValue(l.change.value, meeting.seal));
  if (!leaf) {
    fail(LEAVES, `no change in the log sets this seal: the seal in ${RECORDS} was never logged`);
    return null;
  }
  const seq = leaf.change!.seq;
  const cover = coverOf(log.checkpoints, seq, device.keyId);
  if (!cover) {
    fail(
      PACK_FILES.checkpoints,
      `the seal (change ${count(seq)}) is in no checkpoint signed by the server: it is not yet covered by a signed checkpoint`,
    );
    return seq;
  }
  const cosigned = cover.cosigners.has(device.keyId);
  report.lines.push(
    `sealed at change ${count(seq)}; in the checkpoint of ${changes(cover.cp.size)} signed by the server` +
      (cosigned ? ' and co-signed by the sealing device' : ' (the sealing device has not co-signed it)'),
  );
  return seq;
}

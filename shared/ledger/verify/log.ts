import { fromHex, toHex } from '../bytes';
import { forkOf, verifyCheckpointSignature, type SignedCheckpoint } from '../checkpoint';
import { keyIdOf } from '../ed25519';
import { MerkleFrontier } from '../merkle';
import { PACK_FILES, type PackKeys } from '../pack';
import { deviceRecordId } from '../../domain/device';
import type { Leaf, Sink } from './read';
import type { Replay } from './replay';
import { changes, count, plural, short } from './words';

const LEAVES = PACK_FILES.leaves;
const CHECKPOINTS = PACK_FILES.checkpoints;
const KEYS = PACK_FILES.keys;

/** A device key as the log registered it: the leaf that set `devices/<keyId>.publicKey`. */
export type Registration = { keyId: string; publicKey: Uint8Array; leaf: Leaf };

/** A checkpoint after checking: does its root match the log's leaves, and who signed it (valid signatures only)? */
export type CheckedCheckpoint = {
  cp: SignedCheckpoint;
  rootMatches: boolean;
  serverSigned: boolean;
  /** Key ids of the registered devices whose co-signature verified. */
  cosigners: Set<string>;
};

export type LogResult = { leaves: Leaf[]; checkpoints: CheckedCheckpoint[]; devices: Map<string, Registration> };

const what = (cp: SignedCheckpoint) => `the checkpoint of ${changes(cp.size)} (${cp.time})`;

/** Line i must hold change i: a removed, repeated or moved line is named where it shows. */
function checkOrder(leaves: Leaf[], sink: Sink): boolean {
  let ok = true;
  let prev = 0;
  // Where each change first stands, built only once something is out of place.
  let lineOf: Map<number, number> | null = null;
  leaves.forEach((leaf, i) => {
    const seq = leaf.change?.seq;
    if (seq === undefined) {
      prev += 1; // an unreadable line (already a problem) stands for the change expected there
      return;
    }
    if (seq === prev + 1) {
      if (lineOf && !lineOf.has(seq)) lineOf.set(seq, leaf.line);
      prev = seq;
      return;
    }
    ok = false;
    if (!lineOf) {
      lineOf = new Map();
      for (const l of leaves.slice(0, i)) if (l.change && !lineOf.has(l.change.seq)) lineOf.set(l.change.seq, l.line);
    }
    const at = `${LEAVES} line ${count(leaf.line)}`;
    if (lineOf.has(seq))
      sink.problems.push(`${at} repeats change ${count(seq)} (already on line ${count(lineOf.get(seq)!)})`);
    else if (seq > prev + 1)
      sink.problems.push(
        seq === prev + 2
          ? `${at} holds change ${count(seq)}, but change ${count(prev + 1)} is missing before it: a change was removed from the log or moved`
          : `${at} holds change ${count(seq)}, but changes ${count(prev + 1)}–${count(seq - 1)} are missing before it: changes were removed from the log or moved`,
      );
    else
      sink.problems.push(
        `${at} holds change ${count(seq)} after change ${count(prev)}: the log's lines are out of order`,
      );
    if (!lineOf.has(seq)) lineOf.set(seq, leaf.line);
    prev = seq;
  });
  return ok;
}

/**
 * The device keys the log registered: each devices record's `publicKey` as a logged change set it, its `keyId` the
 * key's SHA-256 and its id made from that and the client (deviceRecordId). Anything else registers no key.
 */
function registrations(log: Replay, sink: Sink): Map<string, Registration> {
  const devices = new Map<string, Registration>();
  for (const r of log.values()) {
    if (r.table !== 'devices' || r.deleted) continue;
    const leaf = r.leaves.find((l) => l.change?.field === 'publicKey');
    if (!leaf) continue;
    const hex = leaf.change!.value;
    const keyId = typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex) ? keyIdOf(fromHex(hex)) : null;
    const record = r.record ?? {};
    const clientId = typeof record.clientId === 'string' ? record.clientId : '';
    if (!keyId || record.keyId !== keyId || r.id !== deviceRecordId(keyId, clientId)) {
      sink.problems.push(
        `${LEAVES} line ${count(leaf.line)} (change ${count(leaf.change!.seq)}) registers device ${r.id} with a key ` +
          `that is not its own (its key id must be the key's SHA-256, and its id made from that key id)`,
      );
      continue;
    }
    if (!devices.has(keyId)) devices.set(keyId, { keyId, publicKey: fromHex(hex as string), leaf });
  }
  return devices;
}

function serverKey(keys: PackKeys | null, sink: Sink): Uint8Array | null {
  const server = keys?.server;
  if (!server) {
    if (keys) sink.problems.push(`${KEYS} has no server key: the checkpoints' server signatures cannot be checked`);
    return null;
  }
  const publicKey = fromHex(server.publicKey);
  if (keyIdOf(publicKey) !== server.keyId) {
    sink.problems.push(`${KEYS}: the server key's id ${short(server.keyId)} is not the SHA-256 of its public key`);
    return null;
  }
  return publicKey;
}

/** The root of the log's first n leaves, for each n asked, in one pass. */
function rootsAt(leaves: Leaf[], sizes: Iterable<number>): Map<number, string> {
  const wanted = new Set([...sizes].filter((n) => n <= leaves.length));
  const roots = new Map<number, string>();
  const frontier = new MerkleFrontier();
  if (wanted.has(0)) roots.set(0, toHex(frontier.root()));
  for (const leaf of leaves) {
    frontier.append(leaf.hash);
    if (wanted.has(frontier.size)) roots.set(frontier.size, toHex(frontier.root()));
  }
  return roots;
}

/** The checkpoint's valid signatures, and a problem for each one that does not verify (in a list, so order is fixed). */
async function signatures(
  cp: SignedCheckpoint,
  server: Uint8Array | null,
  serverKeyId: string | undefined,
  devices: Map<string, Registration>,
): Promise<{ serverSigned: boolean; cosigners: Set<string>; problems: string[] }> {
  const problems: string[] = [];
  let serverSigned = false;
  if (cp.server && server && cp.server.keyId !== serverKeyId)
    problems.push(
      `${CHECKPOINTS}: ${what(cp)} is signed by a server key (${short(cp.server.keyId)}) that is not the one in ${KEYS}`,
    );
  else if (cp.server && server) {
    serverSigned = await verifyCheckpointSignature(cp, cp.server, server);
    if (!serverSigned)
      problems.push(
        `${CHECKPOINTS}: the server's signature on ${what(cp)} does not verify with the server key in ${KEYS}: the checkpoint or the key was altered`,
      );
  }
  const cosigners = new Set<string>();
  const checked = await Promise.all(
    cp.cosignatures.map(async (sig) => {
      const device = devices.get(sig.keyId);
      return { sig, device, ok: device ? await verifyCheckpointSignature(cp, sig, device.publicKey) : false };
    }),
  );
  for (const { sig, device, ok } of checked) {
    if (!device)
      problems.push(
        `${CHECKPOINTS}: ${what(cp)} is co-signed by a device the log never registered (key ${short(sig.keyId)})`,
      );
    else if (ok) cosigners.add(sig.keyId);
    else
      problems.push(
        `${CHECKPOINTS}: the co-signature of device ${short(sig.keyId)} on ${what(cp)} does not verify: the checkpoint was altered`,
      );
  }
  if (!cp.server && cosigners.size === 0)
    problems.push(`${CHECKPOINTS}: ${what(cp)} is signed by no one: neither the server nor a registered device`);
  return { serverSigned, cosigners, problems };
}

/** Where the first change that differs must be: after the largest smaller checkpoint that matched. */
function locate(cp: SignedCheckpoint, matched: CheckedCheckpoint[]): string {
  const below = matched.filter((m) => m.cp.size < cp.size).sort((a, b) => b.cp.size - a.cp.size)[0];
  const from = below ? below.cp.size + 1 : 1;
  const span = from === cp.size ? `change ${count(from)}` : `changes ${count(from)}–${count(cp.size)}`;
  return `${below ? `the first ${changes(below.cp.size)} match the checkpoint of ${count(below.cp.size)}, so ` : ''}a change that differs is among ${span} (lines ${count(from)}–${count(cp.size)} of ${LEAVES})`;
}

/**
 * The log: its lines in order, every checkpoint's root recomputed from the leaves and its signatures checked, forks
 * (two histories signed for one size, or a checkpoint a later matching one does not contain) named.
 */
export async function checkLog(
  leaves: Leaf[],
  checkpoints: SignedCheckpoint[],
  keys: PackKeys | null,
  space: string,
  log: Replay,
  sink: Sink,
): Promise<LogResult> {
  const inOrder = checkOrder(leaves, sink);
  const devices = registrations(log, sink);
  const server = serverKey(keys, sink);
  const roots = rootsAt(
    leaves,
    checkpoints.map((c) => c.size),
  );
  // Signatures are checked all at once: WebCrypto works off the main thread, so they overlap.
  const verdicts = await Promise.all(checkpoints.map((cp) => signatures(cp, server, keys?.server?.keyId, devices)));
  const checked: CheckedCheckpoint[] = checkpoints.map((cp, i) => {
    if (cp.space !== space)
      sink.problems.push(`${CHECKPOINTS}: ${what(cp)} is for space ${cp.space}, not this pack's space ${space}`);
    const { serverSigned, cosigners, problems } = verdicts[i]!;
    sink.problems.push(...problems);
    return { cp, rootMatches: roots.get(cp.size) === cp.root, serverSigned, cosigners };
  });
  const matched = checked.filter((c) => c.rootMatches && signed(c));
  const forks = new Set<string>();
  for (const c of checked) {
    if (c.rootMatches) continue;
    const cp = c.cp;
    if (cp.size > leaves.length) {
      sink.problems.push(
        `${LEAVES} has ${changes(leaves.length)} but ${CHECKPOINTS} holds ${what(cp)}: changes ${count(leaves.length + 1)}–${count(cp.size)} are missing from the pack's log`,
      );
      continue;
    }
    if (!signed(c)) {
      sink.problems.push(
        `${CHECKPOINTS}: ${what(cp)} does not match the log (root ${short(cp.root)}) and carries no valid signature: the checkpoint was altered`,
      );
      continue;
    }
    const twin = checked.find((o) => o !== c && signed(o) && o.cp.size === cp.size && o.cp.root !== cp.root);
    const later = matched.find((m) => m.cp.size > cp.size);
    if (twin) {
      const pair = `${cp.size}:${[cp.root, twin.cp.root].sort().join(':')}`;
      if (!forks.has(pair))
        sink.problems.push(`fork: ${forkOf(cp, twin.cp)} (${CHECKPOINTS}; ${signers(c)}, and ${signers(twin)})`);
      forks.add(pair);
    } else if (later) {
      sink.problems.push(
        `fork: ${what(cp)} (${signers(c)}) is not part of ${what(later.cp)}, which the pack's log matches: ` +
          `the server showed a history it later rewrote (${CHECKPOINTS})`,
      );
    } else {
      sink.problems.push(
        `${LEAVES}: the log's first ${changes(cp.size)} do not match the root the server signed at ${count(cp.size)} ` +
          `(${CHECKPOINTS}, root ${short(cp.root)}): ${locate(cp, matched)}`,
      );
    }
  }
  summarize(leaves, checked, devices, inOrder, sink);
  return { leaves, checkpoints: checked, devices };
}

const signed = (c: CheckedCheckpoint) => c.serverSigned || c.cosigners.size > 0;

const signers = (c: CheckedCheckpoint) =>
  [
    c.serverSigned ? 'signed by the server' : null,
    c.cosigners.size ? `co-signed by ${plural(c.cosigners.size, 'device')}` : null,
  ]
    .filter(Boolean)
    .join(', ') || 'signed by no one';

function summarize(
  leaves: Leaf[],
  checked: CheckedCheckpoint[],
  devices: Map<string, Registration>,
  inOrder: boolean,
  sink: Sink,
): void {
  if (inOrder)
    sink.log.push(`${LEAVES}: ${changes(leaves.length)}, numbered 1 to ${count(leaves.length)} with none missing`);
  if (devices.size) sink.log.push(`the log registers ${plural(devices.size, 'device key')}`);
  const good = checked.filter((c) => c.rootMatches && c.serverSigned);
  if (good.length) {
    const cosigs = good.reduce((n, c) => n + c.cosigners.size, 0);
    sink.log.push(
      `${CHECKPOINTS}: ${plural(good.length, 'checkpoint')} whose root matches the log and whose server signature verifies` +
        (cosigs ? `, with ${plural(cosigs, 'device co-signature')} that verify` : ''),
    );
  }
  const newest = checked.filter((c) => c.rootMatches).reduce((n, c) => Math.max(n, c.cp.size), 0);
  if (checked.length === 0 && leaves.length) sink.log.push(`the log is in no signed checkpoint yet`);
  else if (newest < leaves.length)
    sink.log.push(
      `changes ${count(newest + 1)}–${count(leaves.length)} are not yet covered by a signed checkpoint (the log after the newest one the device holds)`,
    );
}

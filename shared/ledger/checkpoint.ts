import { z } from 'zod';
import { Instant } from '../domain/common';
import { Hex128, Hex64 } from '../domain/device';
import { fromHex, toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import { keyIdOf, sign, verify, type PrivateSigningKey } from './ed25519';
import { verifyConsistency } from './merkle';

export { Hex128, Hex64 };

/** What a space's log looked like at one moment: its size in changes and its Merkle root. */
export const Checkpoint = z.object({
  space: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  root: Hex64,
  time: Instant,
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const KeySignature = z.object({ keyId: Hex64, signature: Hex128 });
export type KeySignature = z.infer<typeof KeySignature>;

/** A checkpoint with the server's signature (null before the server has a key) and those of devices that saw it. */
export const SignedCheckpoint = Checkpoint.extend({
  server: KeySignature.nullable(),
  cosignatures: z.array(KeySignature),
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

/** The bytes signed. The prefix keeps a checkpoint signature from being valid for any other kind of message. */
export function checkpointMessage(cp: Checkpoint): Uint8Array {
  const { space, size, root, time } = cp;
  return utf8('docket-checkpoint/v1\n' + canonicalJson({ space, size, root, time }));
}

export async function signCheckpoint(
  cp: Checkpoint,
  key: PrivateSigningKey,
  publicKey: Uint8Array,
): Promise<KeySignature> {
  return { keyId: keyIdOf(publicKey), signature: toHex(await sign(key, checkpointMessage(cp))) };
}

export async function verifyCheckpointSignature(
  cp: Checkpoint,
  sig: KeySignature,
  publicKey: Uint8Array,
): Promise<boolean> {
  if (sig.keyId !== keyIdOf(publicKey) || !Hex128.safeParse(sig.signature).success) return false;
  return verify(publicKey, checkpointMessage(cp), fromHex(sig.signature));
}

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;
const short = (root: string) => root.slice(0, 12);

/** Is `next` the log `old` was, with only changes added after it? Reasons are for the user to read. */
export function checkExtends(
  old: Checkpoint,
  next: Checkpoint,
  proof: readonly string[],
): { ok: true } | { ok: false; reason: string } {
  if (old.space !== next.space)
    return { ok: false, reason: `these are the logs of two different spaces (${old.space} and ${next.space})` };
  if (next.size < old.size)
    return {
      ok: false,
      reason: `the server's log has ${changes(next.size)} but this device already saw ${changes(old.size)}: changes were removed`,
    };
  let nodes: Uint8Array[];
  try {
    nodes = proof.map(fromHex);
  } catch {
    return { ok: false, reason: "the server's proof is not readable (it is not hex)" };
  }
  if (verifyConsistency(old.size, next.size, fromHex(old.root), fromHex(next.root), nodes)) return { ok: true };
  return {
    ok: false,
    reason: `the server's log at ${changes(next.size)} does not contain the ${old.size} this device saw: its history was rewritten`,
  };
}

/** Two views of the same log at the same size that differ: the server showed different histories. */
export function forkOf(a: Checkpoint, b: Checkpoint): string | null {
  if (a.space !== b.space || a.size !== b.size || a.root === b.root) return null;
  return (
    `the log of ${a.space} at ${changes(a.size)} has two different histories ` +
    `(${short(a.root)}… and ${short(b.root)}…): the server showed different devices different logs`
  );
}

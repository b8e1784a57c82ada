import { fromHex, toHex } from '../../shared/ledger/bytes';
import { verifyCheckpointSignature } from '../../shared/ledger/checkpoint';
import { keyIdOf } from '../../shared/ledger/ed25519';
import { MerkleFrontier } from '../../shared/ledger/merkle';
import type { RecordFields } from '../../shared/sync/merge';
import { type BlockRoot, hashLog } from '../ledger/hash-log';
import type { SpaceDump } from './dump';
import { toEntry } from './rows';

/**
 * A dump's verifiable log. Leaf hashes never travel in a dump: the target recomputes them from the changes
 * (`hashDumpLog`, in the import's transaction). Its checkpoints and co-signatures do, and are checked before anything
 * is written (`checkDumpLedger`): each checkpoint's root must be the recomputed tree's at its size and be signed by
 * the key it names, each co-signature by the device it names, as the space's log registered it.
 */

/** The dump's log hashed: each change's leaf hash (in seq order), the frontier after the last, the blocks' roots. */
export function hashDumpLog(dump: Pick<SpaceDump, 'changes'>): {
  hashes: Uint8Array[];
  frontier: MerkleFrontier;
  blocks: BlockRoot[];
} {
  return hashLog(dump.changes.map(toEntry));
}

/** What is wrong with the dump's checkpoints and co-signatures (nothing: an empty list). */
export async function checkDumpLedger(dump: SpaceDump): Promise<string[]> {
  if (dump.checkpoints.length === 0) return [];
  const problems: string[] = [];
  const roots = new Map<number, string>();
  const frontier = new MerkleFrontier();
  const wanted = new Set(dump.checkpoints.map((c) => c.size));
  for (const entry of dump.changes.map(toEntry)) {
    hashLog([entry], frontier);
    if (wanted.has(frontier.size)) roots.set(frontier.size, toHex(frontier.root()));
  }
  const keys = new Map(dump.signing_keys.map((k) => [k.key_id, fromHex(k.public_key)]));
  const devices = new Map<string, Uint8Array>();
  for (const r of dump.records) {
    if (r.tbl !== 'devices') continue;
    const key = (JSON.parse(r.fields) as RecordFields).publicKey?.value;
    // By key id: a device's record id is made from its key and its client (shared/domain/device.ts).
    if (typeof key === 'string' && /^[0-9a-f]{64}$/.test(key)) devices.set(keyIdOf(fromHex(key)), fromHex(key));
  }
  const bySize = new Map(dump.checkpoints.map((c) => [c.size, c]));
  for (const c of dump.checkpoints) {
    const checkpoint = { space: dump.space.id, size: c.size, root: c.root, time: c.time };
    if (roots.get(c.size) !== c.root) {
      problems.push(`checkpoint ${c.size}: its root is not that of the log's first ${c.size} changes`);
      continue;
    }
    const key = keys.get(c.key_id);
    const signature = { keyId: c.key_id, signature: c.signature };
    if (!key || !(await verifyCheckpointSignature(checkpoint, signature, key))) {
      problems.push(`checkpoint ${c.size}: its signature is not that of key ${c.key_id}`);
    }
  }
  for (const s of dump.cosignatures) {
    const c = bySize.get(s.size);
    const device = devices.get(s.key_id);
    if (!c) continue; // reported by the dump's schema
    const checkpoint = { space: dump.space.id, size: c.size, root: c.root, time: c.time };
    const signature = { keyId: s.key_id, signature: s.signature };
    if (!device || !(await verifyCheckpointSignature(checkpoint, signature, device))) {
      problems.push(`checkpoint ${s.size}: a co-signature is not that of device ${s.key_id} of the space's log`);
    }
  }
  return problems;
}

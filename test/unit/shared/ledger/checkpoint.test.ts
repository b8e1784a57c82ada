import { afterEach, describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../../../shared/ledger/bytes';
import {
  Checkpoint,
  Hex64,
  SignedCheckpoint,
  checkExtends,
  checkpointMessage,
  forkOf,
  signCheckpoint,
  verifyCheckpointSignature,
} from '../../../../shared/ledger/checkpoint';
import { generateSigningKey, useEd25519Backend } from '../../../../shared/ledger/ed25519';
import { consistencyProof, leafHash, treeRoot } from '../../../../shared/ledger/merkle';

const TIME = '2026-11-26T14:00:00.000Z';
const leaves = Array.from({ length: 12 }, (_, i) => leafHash(`change ${i}`));
const at = (n: number, from = leaves): Checkpoint => ({
  space: 'acme',
  size: n,
  root: toHex(treeRoot(from.slice(0, n))),
  time: TIME,
});
const proof = (m: number, n: number, from = leaves) => consistencyProof(from.slice(0, n), m).map(toHex);

afterEach(() => useEd25519Backend('auto'));

describe('checkpoint signatures', () => {
  it('signs exactly the prefix and the canonical JSON of space, size, root and time', () => {
    const cp = at(3);
    const extra = { ...cp, server: null, cosignatures: [] } as Checkpoint;
    const text = `docket-checkpoint/v1\n{"root":"${cp.root}","size":3,"space":"acme","time":"${TIME}"}`;
    expect(new TextDecoder().decode(checkpointMessage(extra))).toBe(text);
    expect(toHex(checkpointMessage(cp))).toBe(toHex(utf8(text)));
  });

  it.each(['auto', 'noble'] as const)('verifies its own signature and no other (%s)', async (backend) => {
    useEd25519Backend(backend);
    const { publicKey, privateKey } = await generateSigningKey();
    const cp = at(10);
    const sig = await signCheckpoint(cp, privateKey, publicKey);
    expect(SignedCheckpoint.parse({ ...cp, server: sig, cosignatures: [sig] }).server).toEqual(sig);
    expect(await verifyCheckpointSignature(cp, sig, publicKey)).toBe(true);
    expect(await verifyCheckpointSignature({ ...cp, size: 11 }, sig, publicKey)).toBe(false);
    expect(await verifyCheckpointSignature({ ...cp, time: '2026-11-26T14:00:01.000Z' }, sig, publicKey)).toBe(false);
    const other = await generateSigningKey();
    expect(await verifyCheckpointSignature(cp, sig, other.publicKey)).toBe(false);
    expect(await verifyCheckpointSignature(cp, { ...sig, keyId: '0'.repeat(64) }, publicKey)).toBe(false);
    expect(await verifyCheckpointSignature(cp, { ...sig, signature: 'zz' }, publicKey)).toBe(false);
  });

  it('accepts only lowercase 64-hex roots and ids', () => {
    expect(Hex64.safeParse('a'.repeat(64)).success).toBe(true);
    expect(Hex64.safeParse('A'.repeat(64)).success).toBe(false);
    expect(Checkpoint.safeParse({ ...at(1), root: 'abc' }).success).toBe(false);
    expect(Checkpoint.safeParse({ ...at(1), time: '2026-11-26T14:00:00+01:00' }).success).toBe(false);
  });
});

describe('checkExtends', () => {
  it('accepts a log that only grew, including from empty and to the same size', () => {
    expect(checkExtends(at(10), at(12), proof(10, 12))).toEqual({ ok: true });
    expect(checkExtends(at(0), at(12), [])).toEqual({ ok: true });
    expect(checkExtends(at(12), at(12), [])).toEqual({ ok: true });
  });

  it('says in plain words when history was rewritten, shrank, or the proof is unusable', () => {
    const rewritten = leaves.map((leaf, i) => (i === 3 ? leafHash('forged') : leaf));
    expect(checkExtends(at(10), at(12, rewritten), proof(10, 12, rewritten))).toEqual({
      ok: false,
      reason: "the server's log at 12 changes does not contain the 10 this device saw: its history was rewritten",
    });
    const shrank = checkExtends(at(12), at(10), []);
    expect(shrank.ok).toBe(false);
    if (!shrank.ok) expect(shrank.reason).toMatch(/has 10 changes but this device already saw 12 changes/);
    const elsewhere = checkExtends(at(10), { ...at(12), space: 'globex' }, proof(10, 12));
    expect(!elsewhere.ok && elsewhere.reason).toMatch(/two different spaces/);
    const unreadable = checkExtends(at(10), at(12), ['not hex']);
    expect(!unreadable.ok && unreadable.reason).toMatch(/not readable/);
    expect(checkExtends(at(10), at(12), []).ok).toBe(false);
  });
});

describe('forkOf', () => {
  it('names both roots when one space shows two histories at the same size', () => {
    const other = at(5, leaves.slice().reverse());
    const sentence = forkOf(at(5), other);
    expect(sentence).toContain(at(5).root.slice(0, 12));
    expect(sentence).toContain(other.root.slice(0, 12));
    expect(sentence).toMatch(/^the log of acme at 5 changes has two different histories/);
  });

  it('sees no fork in equal views, other sizes or other spaces', () => {
    expect(forkOf(at(5), at(5))).toBeNull();
    expect(forkOf(at(5), at(6))).toBeNull();
    expect(forkOf(at(5), { ...at(5, leaves.slice().reverse()), space: 'globex' })).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../../../../shared/ledger/bytes';
import {
  ed25519Backend,
  exportPrivateKey,
  generateSigningKey,
  importPrivateKey,
  keyIdOf,
  publicKeyOf,
  sign,
  useEd25519Backend,
  verify,
} from '../../../../shared/ledger/ed25519';
import { sha256Hex } from '../../../../shared/ledger/sha256';

// RFC 8032 §7.1, TEST 1 (empty message).
const SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const PUBLIC = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const SIGNATURE = fromHex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);
const EMPTY = new Uint8Array(0);
/** The group order L, little-endian: S + L is the same scalar, which strict RFC 8032 verification refuses. */
const L = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');

function plusL(signature: Uint8Array): Uint8Array {
  const s = signature.slice(32);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const sum = s[i]! + L[i]! + carry;
    s[i] = sum & 0xff;
    carry = sum >> 8;
  }
  return concatBytes(signature.subarray(0, 32), s);
}

afterEach(() => useEd25519Backend('auto'));

it('uses WebCrypto in Node 20 when not told otherwise', async () => {
  expect(await ed25519Backend()).toBe('webcrypto');
  useEd25519Backend('noble');
  expect(await ed25519Backend()).toBe('noble');
});

describe.each(['auto', 'noble'] as const)('Ed25519 (%s backend)', (backend) => {
  const use = () => useEd25519Backend(backend);

  it('verifies RFC 8032 test 1 and signs it the same from the seed and from PKCS#8', async () => {
    use();
    expect(await verify(PUBLIC, EMPTY, SIGNATURE)).toBe(true);
    expect(await verify(PUBLIC, Uint8Array.of(0), SIGNATURE)).toBe(false);
    expect(toHex(await sign(await importPrivateKey(SEED, 'seed'), EMPTY))).toBe(toHex(SIGNATURE));
    const pkcs8 = concatBytes(fromHex('302e020100300506032b657004220420'), SEED);
    expect(toHex(await sign(await importPrivateKey(pkcs8, 'pkcs8'), EMPTY))).toBe(toHex(SIGNATURE));
    expect(toHex(await publicKeyOf(pkcs8, 'pkcs8'))).toBe(toHex(PUBLIC));
  });

  it('signs and verifies a round trip; a changed message or signature fails', async () => {
    use();
    const { publicKey, privateKey } = await generateSigningKey();
    expect(publicKey).toHaveLength(32);
    const message = utf8('docket-checkpoint/v1\n{"size":3}');
    const signature = await sign(privateKey, message);
    expect(signature).toHaveLength(64);
    expect(await verify(publicKey, message, signature)).toBe(true);
    expect(await verify(publicKey, utf8('docket-checkpoint/v1\n{"size":4}'), signature)).toBe(false);
    for (const at of [0, 31, 32, 63]) {
      const bad = signature.slice();
      bad[at]! ^= 1;
      expect(await verify(publicKey, message, bad)).toBe(false);
    }
    const other = await generateSigningKey();
    expect(await verify(other.publicKey, message, signature)).toBe(false);
  });

  it('exports a key made extractable and imports it back', async () => {
    use();
    const { publicKey, privateKey } = await generateSigningKey({ extractable: true });
    const bytes = await exportPrivateKey(privateKey);
    const kind = privateKey instanceof Uint8Array ? 'seed' : 'pkcs8';
    expect(bytes).toHaveLength(kind === 'seed' ? 32 : 48);
    expect(toHex(await publicKeyOf(bytes, kind))).toBe(toHex(publicKey));
    const message = utf8('hello');
    expect(await verify(publicKey, message, await sign(await importPrivateKey(bytes, kind), message))).toBe(true);
    await expect(importPrivateKey(bytes.subarray(1), kind)).rejects.toThrow();
  });

  it('refuses a non-canonical S (strict RFC 8032) and malformed input, without throwing', async () => {
    use();
    expect(await verify(PUBLIC, EMPTY, plusL(SIGNATURE))).toBe(false);
    expect(await verify(PUBLIC.subarray(1), EMPTY, SIGNATURE)).toBe(false);
    expect(await verify(PUBLIC, EMPTY, SIGNATURE.subarray(1))).toBe(false);
    expect(await verify(PUBLIC, EMPTY, concatBytes(SIGNATURE, Uint8Array.of(0)))).toBe(false);
    expect(await verify(new Uint8Array(32).fill(0xff), EMPTY, SIGNATURE)).toBe(false);
    expect(await verify(PUBLIC, EMPTY, new Uint8Array(64).fill(0xff))).toBe(false);
    expect(await verify('x' as unknown as Uint8Array, EMPTY, SIGNATURE)).toBe(false);
    expect(await verify(PUBLIC, null as unknown as Uint8Array, SIGNATURE)).toBe(false);
  });
});

it('signatures made by one backend verify with the other', async () => {
  const message = utf8('cross');
  const web = await generateSigningKey();
  const webSignature = await sign(web.privateKey, message);
  useEd25519Backend('noble');
  const noble = await generateSigningKey();
  expect(noble.privateKey).toBeInstanceOf(Uint8Array);
  expect(await verify(web.publicKey, message, webSignature)).toBe(true);
  const nobleSignature = await sign(noble.privateKey, message);
  useEd25519Backend('auto');
  expect(await verify(noble.publicKey, message, nobleSignature)).toBe(true);
});

it('names a key by the SHA-256 of its raw bytes', () => {
  expect(keyIdOf(PUBLIC)).toBe(sha256Hex(PUBLIC));
  expect(keyIdOf(PUBLIC)).toMatch(/^[0-9a-f]{64}$/);
});

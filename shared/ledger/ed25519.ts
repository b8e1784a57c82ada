import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, fromHex, toHex } from './bytes';
import { sha256 } from './sha256';

/**
 * Ed25519 signatures: WebCrypto where the runtime has it (keys can then be non-extractable), else @noble/ed25519
 * with strict RFC 8032 verification. Messages, public keys and signatures are the same bytes on both.
 */

ed.hashes.sha512 = sha512;
ed.hashes.sha512Async = (m: Uint8Array) => Promise.resolve(sha512(m));

/** A WebCrypto key, or (noble fallback only) the 32-byte RFC 8032 seed. */
export type PrivateSigningKey = CryptoKey | Uint8Array;
type Backend = 'webcrypto' | 'noble';

const ALG = { name: 'Ed25519' } as const;
/** PKCS#8 for an Ed25519 seed (RFC 8410 §7) is this fixed header followed by the 32 seed bytes. */
const PKCS8_HEADER = fromHex('302e020100300506032b657004220420');
// Copies into a fresh ArrayBuffer: WebCrypto wants one, and no caller buffer is held or written to.
const own = (b: Uint8Array) => new Uint8Array(b);
/** Bytes from any realm (a jsdom or iframe Uint8Array fails `instanceof` here but is the same thing). */
const isBytes = (x: unknown): x is Uint8Array => ArrayBuffer.isView(x) && (x as Uint8Array).BYTES_PER_ELEMENT === 1;

let detected: Promise<Backend> | undefined;
let forced: Backend | undefined;

/** Declared support is not enough (some runtimes list Ed25519 then fail), so a whole round trip is tried, once. */
async function detect(): Promise<Backend> {
  try {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return 'noble';
    const pair = (await subtle.generateKey(ALG, false, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = await subtle.exportKey('raw', pair.publicKey);
    const publicKey = await subtle.importKey('raw', raw, ALG, true, ['verify']);
    const message = new Uint8Array([1, 2, 3]);
    const signature = await subtle.sign(ALG, pair.privateKey, message);
    return (await subtle.verify(ALG, publicKey, signature, message)) ? 'webcrypto' : 'noble';
  } catch {
    return 'noble';
  }
}

export function ed25519Backend(): Promise<Backend> {
  if (forced) return Promise.resolve(forced);
  return (detected ??= detect());
}

/** For tests: force the noble fallback, or go back to detecting. */
export function useEd25519Backend(backend: 'noble' | 'auto'): void {
  forced = backend === 'noble' ? 'noble' : undefined;
}

export async function generateSigningKey(
  options: { extractable?: boolean } = {},
): Promise<{ publicKey: Uint8Array; privateKey: PrivateSigningKey }> {
  if ((await ed25519Backend()) === 'noble') {
    const seed = ed.utils.randomSecretKey();
    return { publicKey: await ed.getPublicKeyAsync(seed), privateKey: seed };
  }
  const pair = (await crypto.subtle.generateKey(ALG, options.extractable ?? false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return {
    publicKey: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKey: pair.privateKey,
  };
}

/** PKCS#8 of a CryptoKey (made extractable), or a copy of a seed. */
export async function exportPrivateKey(key: PrivateSigningKey): Promise<Uint8Array> {
  if (isBytes(key)) return own(key);
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}

function seedOf(bytes: Uint8Array, kind: 'pkcs8' | 'seed'): Uint8Array {
  if (kind === 'seed' && bytes.length === 32) return own(bytes);
  const header = bytes.subarray(0, PKCS8_HEADER.length);
  if (kind === 'pkcs8' && bytes.length === 48 && toHex(header) === toHex(PKCS8_HEADER)) return bytes.slice(16);
  throw new Error(`not an Ed25519 private key (${kind}, ${bytes.length} bytes)`);
}

/** A stored key: a non-extractable CryptoKey under WebCrypto, else the seed. */
export async function importPrivateKey(bytes: Uint8Array, kind: 'pkcs8' | 'seed'): Promise<PrivateSigningKey> {
  const seed = seedOf(bytes, kind);
  if ((await ed25519Backend()) === 'noble') return seed;
  return crypto.subtle.importKey('pkcs8', own(concatBytes(PKCS8_HEADER, seed)), ALG, false, ['sign']);
}

/** The public key of a stored private key (a non-extractable CryptoKey cannot give it back). */
export function publicKeyOf(bytes: Uint8Array, kind: 'pkcs8' | 'seed'): Promise<Uint8Array> {
  return ed.getPublicKeyAsync(seedOf(bytes, kind));
}

export async function sign(privateKey: PrivateSigningKey, message: Uint8Array): Promise<Uint8Array> {
  if (isBytes(privateKey)) return ed.signAsync(message, seedOf(privateKey, 'seed'));
  return new Uint8Array(await crypto.subtle.sign(ALG, privateKey, own(message)));
}

/** False, never an exception, for anything that is not a valid signature, malformed input included. */
export async function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!isBytes(publicKey) || publicKey.length !== 32) return false;
  if (!isBytes(signature) || signature.length !== 64 || !isBytes(message)) return false;
  try {
    if ((await ed25519Backend()) === 'noble')
      return await ed.verifyAsync(signature, message, publicKey, { zip215: false });
    const key = await crypto.subtle.importKey('raw', own(publicKey), ALG, false, ['verify']);
    return await crypto.subtle.verify(ALG, key, own(signature), own(message));
  } catch {
    return false;
  }
}

/** A key's id: the hex SHA-256 of its raw 32 bytes. */
export function keyIdOf(publicKey: Uint8Array): string {
  return toHex(sha256(publicKey));
}

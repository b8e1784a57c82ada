import { concatBytes, fromHex, toHex } from '../../shared/ledger/bytes';
import { type SignedCheckpoint, signCheckpoint } from '../../shared/ledger/checkpoint';
import {
  exportPrivateKey,
  generateSigningKey,
  importPrivateKey,
  keyIdOf,
  type PrivateSigningKey,
} from '../../shared/ledger/ed25519';
import { MerkleFrontier } from '../../shared/ledger/merkle';
import type { StoredCheckpoint, SyncStore } from '../store/types';
import { TreeCache } from './tree-cache';

/** The server's signing key, ready to sign: its id, raw public key, the private key (non-extractable) and birth. */
export type LoadedKey = {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: PrivateSigningKey;
  createdAt: string;
};

/** PKCS#8 of an Ed25519 key (RFC 8410 §7): this header, then the 32-byte seed. */
const PKCS8_ED25519 = fromHex('302e020100300506032b657004220420');

/** A checkpoint as the API shows it: the server's signature, and each co-signature's key and signature. */
export function signedCheckpoint(cp: StoredCheckpoint): SignedCheckpoint {
  return {
    space: cp.space,
    size: cp.size,
    root: cp.root,
    time: cp.time,
    server: { keyId: cp.keyId, signature: cp.signature },
    cosignatures: cp.cosignatures.map(({ keyId, signature }) => ({ keyId, signature })),
  };
}

export type LedgerOptions = {
  /** Most bytes of Merkle trees kept in memory for proofs, all spaces together (default 64 MiB). */
  maxCacheBytes?: number;
};

/**
 * The verifiable log, as the routes use it (the store keeps leaf hashes and each space's frontier: see SyncStore):
 * the server's signing key (made at first start, one for every process on the same database), the signed
 * checkpoint at a space's current size (made once per size the log reaches, stored, then reused), and consistency
 * proofs between sizes, from each space's tree cached in memory (./tree-cache.ts).
 */
export class Ledger {
  private key: Promise<LoadedKey> | null = null;
  private readonly trees = new Map<string, { tree: TreeCache; growing: Promise<void> }>();
  private readonly maxCacheBytes: number;

  constructor(
    private readonly store: SyncStore,
    private readonly now: () => number,
    options: LedgerOptions = {},
  ) {
    this.maxCacheBytes = options.maxCacheBytes ?? 64 * 1024 * 1024;
  }

  /**
   * The server's key: read from the store, or made and stored if it has none (of processes that start at once,
   * one key is stored and all of them use it). Loaded once per process; a failure (the store down) is retried.
   */
  serverKey(): Promise<LoadedKey> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<LoadedKey> {
    const made = await generateSigningKey({ extractable: true });
    const exported = await exportPrivateKey(made.privateKey);
    // The fallback library gives the 32-byte seed: the store keeps PKCS#8 either way.
    const pkcs8 = exported.length === 32 ? concatBytes(PKCS8_ED25519, exported) : exported;
    const stored = await this.store.ensureServerKey({
      keyId: keyIdOf(made.publicKey),
      publicKey: toHex(made.publicKey),
      privateKey: pkcs8,
      createdAt: new Date(this.now()).toISOString(),
    });
    return {
      keyId: stored.keyId,
      publicKey: fromHex(stored.publicKey),
      privateKey: await importPrivateKey(stored.privateKey, 'pkcs8'),
      createdAt: stored.createdAt,
    };
  }

  /**
   * The signed checkpoint at the space's current size: the stored one when the log has not grown since it was made,
   * else a new one, signed now and stored (if another process stored one at that size meanwhile, that one). Null
   * for an empty log: there is nothing to vouch for.
   */
  async checkpoint(spaceId: string): Promise<SignedCheckpoint | null> {
    const head = await this.store.ledgerHead(spaceId);
    if (head.frontier.size === 0) return null;
    if (head.checkpoint) return signedCheckpoint(head.checkpoint);
    const key = await this.serverKey();
    const checkpoint = {
      space: spaceId,
      size: head.frontier.size,
      root: toHex(new MerkleFrontier(head.frontier).root()),
      time: new Date(this.now()).toISOString(),
    };
    const signature = await signCheckpoint(checkpoint, key.privateKey, key.publicKey);
    const stored = await this.store.putCheckpoint({ ...checkpoint, ...signature });
    return signedCheckpoint(stored);
  }

  /** The space's Merkle tree over at least its first `size` leaves (read from the store once, then kept). */
  async tree(spaceId: string, size: number): Promise<TreeCache> {
    let cached = this.trees.get(spaceId);
    if (cached) this.trees.delete(spaceId); // most recently used last
    cached ??= { tree: new TreeCache(), growing: Promise.resolve() };
    this.trees.set(spaceId, cached);
    const entry = cached;
    // One read at a time per space: two requests must not append the same leaves twice.
    entry.growing = entry.growing
      .catch(() => {})
      .then(async () => {
        if (entry.tree.size >= size) return;
        const hashes = await this.store.readLeafHashes(spaceId, entry.tree.size, size);
        for (const hash of hashes) entry.tree.append(hash);
      });
    await entry.growing;
    this.evict(spaceId);
    return entry.tree;
  }

  /** RFC 6962 PROOF(from, D[to]) of the space's log, nodes as hex. The caller has checked from ≤ to ≤ its size. */
  async consistencyProof(spaceId: string, from: number, to: number): Promise<string[]> {
    const tree = await this.tree(spaceId, to);
    return tree.consistencyProof(from, to).map(toHex);
  }

  /** Drops the least recently used trees (never `keep`) while the cache holds more than its limit. */
  private evict(keep: string): void {
    let total = 0;
    for (const { tree } of this.trees.values()) total += tree.bytes;
    for (const [spaceId, { tree }] of this.trees) {
      if (total <= this.maxCacheBytes) break;
      if (spaceId === keep) continue;
      this.trees.delete(spaceId);
      total -= tree.bytes;
    }
  }
}

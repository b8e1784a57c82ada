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
import { BLOCK } from './hash-log';
import { SpaceTree, TreeCache } from './tree-cache';

/** The server's signing key, ready to sign: its id, raw public key, the private key (non-extractable) and birth. */
export type LoadedKey = {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: PrivateSigningKey;
  createdAt: string;
};

/** Blocks whose leaves a space's tree keeps for proofs, the most recently asked. */
const LEAF_BLOCKS_KEPT = 16;

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
  /** Most bytes of Merkle trees kept in memory for proofs, all spaces together (default 16 MiB). */
  maxCacheBytes?: number;
};

/**
 * The verifiable log, as the routes use it (the store keeps leaf hashes and each space's frontier: see SyncStore):
 * the server's signing key (made at first start, one for every process on the same database), the signed
 * checkpoint at a space's current size (made once per size the log reaches, stored, then reused), and consistency
 * proofs between sizes, from the roots of each space's blocks of 256 leaves and the few leaves around the sizes
 * asked, read from the store once and cached in memory (./tree-cache.ts).
 */
export class Ledger {
  private key: Promise<LoadedKey> | null = null;
  private readonly trees = new Map<string, { tree: SpaceTree; growing: Promise<void> }>();
  private readonly maxCacheBytes: number;

  constructor(
    private readonly store: SyncStore,
    private readonly now: () => number,
    options: LedgerOptions = {},
  ) {
    this.maxCacheBytes = options.maxCacheBytes ?? 16 * 1024 * 1024;
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

  /**
   * The space's tree, holding what PROOF(from, D[to]) reads: the roots of its complete blocks up to `to`, and the
   * leaves of the blocks `from` and `to` end inside (read from the store once, then kept).
   */
  async tree(spaceId: string, from: number, to: number): Promise<SpaceTree> {
    let cached = this.trees.get(spaceId);
    if (cached) this.trees.delete(spaceId); // most recently used last
    cached ??= { tree: new SpaceTree(), growing: Promise.resolve() };
    this.trees.set(spaceId, cached);
    const { tree } = cached;
    // One read at a time per space: two requests must not append the same hashes twice.
    cached.growing = cached.growing
      .catch(() => {})
      .then(async () => {
        const blocks = Math.floor(to / BLOCK);
        if (tree.upper.size < blocks) {
          for (const root of await this.store.readBlockRoots(spaceId, tree.upper.size, blocks)) tree.upper.append(root);
        }
        const needed = SpaceTree.blocksFor(from, to);
        for (const { index, leaves } of needed) {
          let block = tree.blocks.get(index);
          if (block) tree.blocks.delete(index); // most recently used last
          tree.blocks.set(index, (block ??= new TreeCache()));
          if (block.size >= leaves) continue;
          const start = index * BLOCK;
          for (const leaf of await this.store.readLeafHashes(spaceId, start + block.size, start + leaves)) {
            block.append(leaf);
          }
        }
        // A few blocks' leaves per space: those asked lately (each proof needs at most two).
        for (const index of tree.blocks.keys()) {
          if (tree.blocks.size <= LEAF_BLOCKS_KEPT) break;
          if (!needed.some((n) => n.index === index)) tree.blocks.delete(index);
        }
      });
    await cached.growing;
    this.evict(spaceId);
    return tree;
  }

  /** RFC 6962 PROOF(from, D[to]) of the space's log, nodes as hex. The caller has checked from ≤ to ≤ its size. */
  async consistencyProof(spaceId: string, from: number, to: number): Promise<string[]> {
    const tree = await this.tree(spaceId, from, to);
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

/**
 * The Merkle tree of RFC 6962 / RFC 9162 §2.1 (Certificate Transparency): hashing, proofs and an append-only
 * frontier. This is the module to import; the others split it only to keep files small.
 */
export { leafHash, nodeHash, treeRoot } from './tree';
export { inclusionProof, verifyInclusion, consistencyProof, verifyConsistency } from './proofs';
export { MerkleFrontier, type FrontierState } from './frontier';

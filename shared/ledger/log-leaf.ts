import type { LoggedChange } from '../sync/protocol';
import { canonicalJson } from './canonical';
import { leafHash } from './merkle';

/**
 * A leaf of a space's Merkle log: one logged change, as the server logged it (`LoggedChange`, what pulls, the audit
 * and `GET …/log/leaves` answer). The leaf's text is the canonical JSON of exactly its eleven fields, no more (a
 * store's own columns, such as the push's batch number, are not part of it) and no fewer; a `value` or `base` that
 * is absent counts as `null`, as the server stores and serves it. This is THE definition of a leaf for the server,
 * the extension and the offline verifier: change it and every root changes.
 */
export function leafTextOf(change: LoggedChange): string {
  const { table, id, field, value, hlc, base, seq, replicaId, authorId, author, receivedAt } = change;
  return canonicalJson({
    table,
    id,
    field,
    value: value ?? null,
    hlc,
    base: base ?? null,
    seq,
    replicaId,
    authorId,
    author,
    receivedAt,
  });
}

/** The leaf hash of a logged change: SHA-256(0x00 ‖ UTF-8 of `leafTextOf(change)`), RFC 6962. */
export function leafHashOfChange(change: LoggedChange): Uint8Array {
  return leafHash(leafTextOf(change));
}

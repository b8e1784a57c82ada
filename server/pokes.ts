/** Someone listening for pokes on one space: an open events stream, and whose (so it can be ended). */
export type PokeListener = { poke(serverSeq: number): void; close(): void; userId?: string; tokenId?: string };

/** What one server process tells the others (through a relay such as PostgreSQL's LISTEN/NOTIFY). */
export type PokeMessage =
  | { kind: 'poke'; space: string; seq: number }
  | { kind: 'close-member'; space: string; user: string }
  | { kind: 'close-token'; token: string };

/**
 * Fan-out of "this space changed, pull" to the open event streams. A poke carries no data, only the space's new
 * server seq: clients always read through pull, so a missed poke costs a little latency, never a write. With
 * several server processes a `relay` carries each publish and close to the others, which `receive` it.
 */
export class Pokes {
  private readonly bySpace = new Map<string, Set<PokeListener>>();
  /** Set by a relay (server/relay/): every local publish and close is also sent to the other processes. */
  relay: ((message: PokeMessage) => void) | null = null;

  /** A message from another process: acted on here only. */
  receive(message: PokeMessage): void {
    if (message.kind === 'poke') this.publishHere(message.space, message.seq);
    else if (message.kind === 'close-member') this.closeMemberHere(message.space, message.user);
    else this.closeTokenHere(message.token);
  }

  /**
   * Every open stream pulls: after a relay reconnects, pokes sent meanwhile may be lost, so each client checks
   * (serverSeq 0: "unknown, pull anyway").
   */
  pokeAll(): void {
    for (const listener of this.all()) listener.poke(0);
  }

  subscribe(spaceId: string, listener: PokeListener): () => void {
    let set = this.bySpace.get(spaceId);
    if (!set) this.bySpace.set(spaceId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.bySpace.get(spaceId) === set) this.bySpace.delete(spaceId);
    };
  }

  publish(spaceId: string, serverSeq: number): void {
    this.publishHere(spaceId, serverSeq);
    this.relay?.({ kind: 'poke', space: spaceId, seq: serverSeq });
  }

  /** Ends a member's streams on one space at once, on every process (removed, or their role changed). */
  closeMember(spaceId: string, userId: string): void {
    this.closeMemberHere(spaceId, userId);
    this.relay?.({ kind: 'close-member', space: spaceId, user: userId });
  }

  /** Ends every stream opened with this token at once, on every process (revoked or signed out). */
  closeToken(tokenId: string): void {
    this.closeTokenHere(tokenId);
    this.relay?.({ kind: 'close-token', token: tokenId });
  }

  private publishHere(spaceId: string, serverSeq: number): void {
    for (const listener of this.bySpace.get(spaceId) ?? []) listener.poke(serverSeq);
  }
  private closeMemberHere(spaceId: string, userId: string): void {
    for (const listener of [...(this.bySpace.get(spaceId) ?? [])]) if (listener.userId === userId) listener.close();
  }
  private closeTokenHere(tokenId: string): void {
    for (const listener of this.all()) if (listener.tokenId === tokenId) listener.close();
  }

  /** Every open listener with the space it listens to. */
  all(): PokeListener[] {
    return [...this.bySpace.values()].flatMap((set) => [...set]);
  }

  /** On shutdown: ends every stream so the HTTP server can close. */
  closeAll(): void {
    for (const set of this.bySpace.values()) for (const listener of [...set]) listener.close();
  }

  get listening(): number {
    let n = 0;
    for (const set of this.bySpace.values()) n += set.size;
    return n;
  }
}

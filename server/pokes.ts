/** Someone listening for pokes on one space: an open events stream, and whose (so it can be ended). */
export type PokeListener = { poke(serverSeq: number): void; close(): void; userId?: string; tokenId?: string };

/**
 * In-process fan-out of "this space changed, pull" to the open event streams. A poke carries no data, only the
 * space's new server seq: clients always read through pull, so a missed poke costs a little latency, never a write.
 */
export class Pokes {
  private readonly bySpace = new Map<string, Set<PokeListener>>();

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
    for (const listener of this.bySpace.get(spaceId) ?? []) listener.poke(serverSeq);
  }

  /** Ends a member's streams on one space at once (removed, or their role changed). */
  closeMember(spaceId: string, userId: string): void {
    for (const listener of [...(this.bySpace.get(spaceId) ?? [])]) if (listener.userId === userId) listener.close();
  }

  /** Ends every stream opened with this token at once (revoked or signed out). */
  closeToken(tokenId: string): void {
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

/**
 * The page's side of search: sends each query to the search worker (`worker.ts`) and gets the hits back, so the
 * page's main thread never builds, loads or updates the index. Where no worker can start (unit tests, or the worker
 * script failing to load), the same engine runs in the page instead: search still works, the page does the work.
 */
import type { SearchFilters } from '../../shared/search';
import type { DocketDB } from '../store/db';
import { writesTo } from '../ui/workspace/log-writes';
import { type IndexProgress, type SearchAnswer, SearchEngine } from './engine';
import type { WorkerMessage, WorkerRequest } from './protocol';

/** The unlisted script extension/entrypoints/search-worker.ts, as WXT writes it. */
const WORKER_URL = '/search-worker.js';

type Pending = {
  resolve: (answer: SearchAnswer | undefined) => void;
  reject: (error: Error) => void;
  request: WorkerRequest;
};
type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id' | 'db'> : never) : never;

class SearchClient {
  private worker: Worker | null = null;
  private local: SearchEngine | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private progress: IndexProgress = { phase: 'loading' };
  private readonly listeners = new Set<(progress: IndexProgress) => void>();

  constructor(private readonly db: DocketDB) {
    if (typeof Worker === 'undefined' || typeof location === 'undefined') return;
    try {
      this.worker = new Worker(new URL(WORKER_URL, location.href));
    } catch {
      return;
    }
    this.worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      if (data.type === 'progress') return this.told(data.progress);
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.error !== undefined) waiting?.reject(new Error(data.error));
      else waiting?.resolve(data.answer);
    };
    // The worker script did not load: answer in the page instead (slower to build, but search still works).
    this.worker.onerror = (event) => {
      console.warn('Docket: the search worker failed; searching in the page', event.message);
      this.worker?.terminate();
      this.worker = null;
      const retry = [...this.pending.values()];
      this.pending.clear();
      for (const p of retry) this.send(p.request).then(p.resolve, p.reject);
    };
  }

  /** Starts loading (or building) the index, so the first search finds it ready. */
  warm(): void {
    void this.send({ type: 'open', writes: writesTo(this.db) });
  }

  async search(query: string, filters: SearchFilters, limit: number): Promise<SearchAnswer> {
    const answer = await this.send({ type: 'search', query, filters, limit, writes: writesTo(this.db) });
    this.told(answer!.progress);
    return answer!;
  }

  /** Saves the index now if an update is waiting to be saved. */
  async flush(): Promise<void> {
    await this.send({ type: 'flush' });
  }

  /** Calls `fn` with the index's progress (building, ready) as it changes; returns the way to stop. */
  watch(fn: (progress: IndexProgress) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local?.close();
  }

  private told(progress: IndexProgress): void {
    const same = JSON.stringify(progress) === JSON.stringify(this.progress);
    this.progress = progress;
    if (!same) for (const fn of this.listeners) fn(progress);
  }

  private send(body: Request): Promise<SearchAnswer | undefined> {
    const request = { ...body, id: this.next++, db: this.db.name } as WorkerRequest;
    if (this.worker) {
      const worker = this.worker;
      return new Promise((resolve, reject) => {
        this.pending.set(request.id, { resolve, reject, request });
        worker.postMessage(request);
      });
    }
    this.local ??= new SearchEngine(this.db, { onProgress: (p) => this.told(p) });
    if (request.type === 'open') return this.local.open(request.writes).then(() => undefined);
    if (request.type === 'flush') return this.local.flush().then(() => undefined);
    return this.local.search(request.query, request.filters, request.limit, request.writes);
  }
}

const clients = new WeakMap<DocketDB, SearchClient>();

/** The search of a log database (one worker per page and database). */
export function logSearch(db: DocketDB): SearchClient {
  let client = clients.get(db);
  if (!client) clients.set(db, (client = new SearchClient(db)));
  return client;
}

export type { SearchClient };
export type { IndexProgress, SearchAnswer };

import type { SearchFilters } from '../../shared/search';
import type { IndexProgress, SearchAnswer } from './engine';

/** From the page to the search worker. `db`: the log database's name. */
export type WorkerRequest =
  /** `writes`: the page's write count now: the index catches up at least that far as it opens. */
  | { id: number; type: 'open'; db: string; writes: number }
  | {
      id: number;
      type: 'search';
      db: string;
      query: string;
      filters: SearchFilters;
      limit: number;
      /** The page's write count for this log (`writesTo`). */
      writes: number;
    }
  | { id: number; type: 'flush'; db: string };

/** From the worker: the answer to a request, or news of a build's progress. */
export type WorkerMessage =
  | { type: 'answer'; id: number; answer?: SearchAnswer; error?: string }
  | { type: 'progress'; db: string; progress: IndexProgress };

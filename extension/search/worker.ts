/**
 * The search worker: holds the search index of each log the page searches and answers its queries, so building,
 * loading and updating the index never run on the page's main thread. It opens the log's IndexedDB database itself.
 */
import { DocketDB } from '../store/db';
import { SearchEngine } from './engine';
import type { WorkerMessage, WorkerRequest } from './protocol';

interface Port {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

export function serveSearch(port: Port): void {
  const engines = new Map<string, SearchEngine>();
  const engine = (name: string) => {
    let found = engines.get(name);
    if (!found) {
      found = new SearchEngine(new DocketDB(name), {
        onProgress: (progress) => port.postMessage({ type: 'progress', db: name, progress }),
      });
      engines.set(name, found);
    }
    return found;
  };
  port.onmessage = ({ data: request }) => {
    const work = async () => {
      const e = engine(request.db);
      if (request.type === 'open') return void e.open(request.writes);
      if (request.type === 'flush') return void (await e.flush());
      return e.search(request.query, request.filters, request.limit, request.writes);
    };
    work().then(
      (answer) => port.postMessage({ type: 'answer', id: request.id, ...(answer && { answer }) }),
      (error: unknown) =>
        port.postMessage({
          type: 'answer',
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  };
}

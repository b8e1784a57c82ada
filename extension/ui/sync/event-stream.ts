/** How long to wait before reopening a stream the browser gave up on (an error answer while the server restarts). */
const REOPEN_MS = 10_000;

/**
 * Listens to one space's events stream, calling `onChange` on each poke and whenever the stream drops or comes
 * back: a drop is the first sign that the server went away, often a minute before the next scheduled round would
 * find out. The browser retries a dropped stream by itself; one it closed for good is reopened here.
 * Returns the function that stops listening.
 */
export function listenForPokes(url: string, onChange: () => void, reopenMs = REOPEN_MS): () => void {
  let source: EventSource | null = null;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let up = false;
  let stopped = false;
  const open = () => {
    source = new EventSource(url);
    source.addEventListener('poke', () => onChange()); // the first poke comes on connect: a return is seen too
    source.addEventListener('open', () => {
      up = true;
    });
    source.addEventListener('error', () => {
      if (up) onChange(); // only on the drop, not on every failed retry
      up = false;
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        source.close();
        reopen = setTimeout(open, reopenMs);
      }
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(reopen);
    source?.close();
  };
}

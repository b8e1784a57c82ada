/**
 * The `k` best of `n` values, best first, in O(n log k): a query matching half the log must not pay for sorting
 * all of it when only a page of hits is shown.
 */
export function topK<T>(values: Iterable<T>, k: number, better: (a: T, b: T) => boolean): T[] {
  if (k <= 0) return [];
  // Min-heap on "better": heap[0] is the worst of the best k kept so far.
  const heap: T[] = [];
  const worse = (i: number, j: number) => better(heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const v of values) {
    if (heap.length < k) {
      heap.push(v);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (better(v, heap[0]!)) {
      heap[0] = v;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

import type { Page } from 'playwright-core';
import type { Docket } from '../../lib/chromium';
import type { BenchContext, Figure } from '../../lib/types';
import { count, msFigure } from './figures';

export interface AgendaRoute {
  clientId: string;
  meetingId: string | null;
  itemIds: string[];
}

const hashOf = (r: AgendaRoute) => {
  const p = new URLSearchParams({ client: r.clientId, view: 'agenda' });
  if (r.meetingId) p.set('meeting', r.meetingId);
  return `#${p}`;
};

/**
 * Switches the log page's route and returns the page's time from the switch to the first animation frame where the
 * agenda shows exactly the given items (the rows of the previous agenda gone).
 */
function switchTo(page: Page, route: AgendaRoute): Promise<number> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(
    async ({ hash, ids }) => {
      const want = new Set(ids);
      const start = performance.now();
      location.hash = hash;
      for (;;) {
        await new Promise((frame) => requestAnimationFrame(frame));
        const rows = [...document.querySelectorAll<HTMLElement>('[data-agenda-item]')];
        if (rows.length === want.size && rows.every((r) => want.has(r.dataset.agendaItem ?? '')))
          return performance.now() - start;
        if (performance.now() - start > 60_000) throw new Error(`agenda of ${hash} never showed`);
      }
    },
    { hash: hashOf(route), ids: route.itemIds },
  );
}

/**
 * The agenda figure: the log page open on another client's agenda, then switched to `target`'s meeting; timed
 * until all its rows are rendered. Switches back (untimed) before each run.
 */
export async function timeAgenda(
  ctx: BenchContext,
  docket: Docket,
  from: AgendaRoute,
  target: AgendaRoute,
): Promise<number[]> {
  const page = await docket.context.newPage();
  try {
    await page.goto(docket.url(`log.html${hashOf(from)}`));
    const samples: number[] = [];
    for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
      await switchTo(page, from);
      const ms = await switchTo(page, target);
      if (run >= ctx.warmup) samples.push(ms);
    }
    return samples;
  } finally {
    await page.close();
  }
}

export function agendaFigure(items: number, clients: number, target: AgendaRoute, samples: number[]): Figure {
  const rows = target.itemIds.length;
  return msFigure('log.agenda-200', `agenda of a meeting with ${rows} items`, samples, {
    target: { op: '<=', value: 100 },
    note:
      `The log page open on another client's agenda; the route switched (URL hash) to the first client's next ` +
      `meeting, which holds ${rows} of the client's ${count(Math.ceil(items / clients))} items, in a log of ` +
      `${count(items)} items. From the switch to the first animation frame showing exactly those rows, by the ` +
      `page's clock: reading the client's meetings, items, vendors and contracts, the meeting picker, ordering ` +
      `the agenda, deadlines, rendering.`,
  });
}

/**
 * The sync server under load, run as a real child process: pushes (sync.push-1000 and its growth series), many
 * clients pulling at once, and memory at 100,000 stored changes. See bench/suites/server/ for each part.
 */
import { startSyncServer } from '../../test/support/sync-server';
import { seedSpace } from '../data/changes';
import { generateLog } from '../data/log';
import type { Suite } from '../lib/types';
import { memoryFigure } from './server/memory';
import { pullFigures } from './server/pull';
import { pushFigures } from './server/push';

export const suite: Suite = {
  name: 'server',
  async run(ctx) {
    const server = await startSyncServer();
    let pulls, push;
    try {
      // A team's realistic log: 1,000 items with their captures, clients, vendors and meetings (~37,000 changes).
      const seeded = await seedSpace(server.url, server.setupCode, generateLog({ items: ctx.quick ? 100 : 1000 }));
      ctx.log(`seeded a space with ${seeded.changes} changes`);
      pulls = await pullFigures(ctx, server.url, seeded);
      // After the pulls: pushes grow the log the pulls read.
      push = await pushFigures(ctx, server.url, seeded);
    } finally {
      await server.stop();
    }
    const memory = await memoryFigure(ctx);
    return { figures: [push.figure, ...pulls, memory], series: [push.series] };
  },
};

/**
 * The sync server under load, run as real child processes: pushes (sync.push-1000 and its growth series), many
 * clients pulling at once, and memory at 100,000 stored changes, on SQLite; the same pushes and pulls on
 * PostgreSQL (--database-url), and the pulls on two processes sharing that database. Quick mode runs every part
 * small (one PostgreSQL cluster start, ≈ 10 s more) to prove the PostgreSQL harness works. See
 * bench/suites/server/ for each part.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startSyncServer } from '../../test/support/sync-server';
import { seedSpace } from '../data/changes';
import { generateLog } from '../data/log';
import { benchDatabase } from '../lib/postgres';
import type { Figure, Series, Suite } from '../lib/types';
import { memoryFigure } from './server/memory';
import { twoProcessFigure } from './server/processes';
import { pullFigures, pullTarget } from './server/pull';
import { pushFigures, pushFiguresPostgres } from './server/push';

export const suite: Suite = {
  name: 'server',
  async run(ctx) {
    // A team's realistic log: 1,000 items with their captures, clients, vendors and meetings (~37,000 changes).
    const log = generateLog({ items: ctx.quick ? 100 : 1000 });
    const figures: Figure[] = [];
    const series: Series[] = [];
    const servers: RunningServer[] = [];
    try {
      const sqlite = await startSyncServer();
      servers.push(sqlite);
      const databaseUrl = await benchDatabase('server');
      const pg = await startSyncServer({ args: ['--database-url', databaseUrl] });
      servers.push(pg);
      const onSqlite = {
        base: sqlite.url,
        pid: sqlite.pid,
        seeded: await seedSpace(sqlite.url, sqlite.setupCode, log),
      };
      ctx.log(`seeded a space with ${onSqlite.seeded.changes} changes`);
      const onPg = { base: pg.url, pid: pg.pid, seeded: await seedSpace(pg.url, pg.setupCode, log) };
      ctx.log(`seeded a space on PostgreSQL with ${onPg.seeded.changes} changes`);
      // Setup is done, so the second process prints no setup code (a data dir of its own says: expect none).
      const second = await startSyncServer({
        dataDir: mkdtempSync(join(ctx.tmp, 'second-')),
        args: ['--database-url', databaseUrl],
      });
      servers.push(second);

      const sqliteTarget = await pullTarget(ctx, onSqlite);
      const pgTarget = await pullTarget(ctx, onPg);
      figures.push(...(await pullFigures(ctx, sqliteTarget, pgTarget)));
      figures.push(await twoProcessFigure(ctx, pgTarget, { base: second.url, pid: second.pid }));
      // After the pulls: pushes grow the log the pulls read.
      const push = await pushFigures(ctx, onSqlite);
      const pushPg = await pushFiguresPostgres(ctx, onPg, push.pushes);
      figures.unshift(push.figure, pushPg.figure);
      series.push(push.series, pushPg.series);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    figures.push(await memoryFigure(ctx));
    return { figures, series };
  },
};

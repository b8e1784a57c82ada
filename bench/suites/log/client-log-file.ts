// In the bench page: a generated one-client log as the client-log file Docket exports (history included).
import type { HistoryEntry } from '../../../shared/domain';
import { fieldChanges } from '../../../shared/changes';
import { exportClientLog } from '../../../shared/export';
import type { Log } from '../../data/log';
import { seededId } from '../../data/prng';

/**
 * The exported file of a generated log's first client: every record, plus the "create" history entry Docket
 * recorded for each item and capture when it was clipped (`recordChange`: every field, from null).
 */
export function clientLogFileOf(log: Log, now: Date): string {
  const client = log.clients[0]!;
  const history: HistoryEntry[] = [];
  const created = (entity: 'item' | 'capture', record: { id: string }, itemId: string, at: string) =>
    history.push({
      id: seededId(6, history.length),
      entity,
      entityId: record.id,
      itemId,
      action: 'create',
      at,
      by: 'Alice Martin',
      changes: fieldChanges(null, record),
    });
  log.items.forEach((item, i) => {
    created('item', item, item.id, item.createdAt);
    created('capture', log.captures[i]!, item.id, item.createdAt);
  });
  return exportClientLog(
    {
      client,
      meetings: log.meetings.filter((m) => m.clientId === client.id),
      vendors: log.vendors.filter((v) => v.clientId === client.id),
      contracts: [],
      items: log.items.filter((i) => i.clientId === client.id),
      captures: log.captures.filter((c) => c.clientId === client.id),
      history,
    },
    now,
  );
}

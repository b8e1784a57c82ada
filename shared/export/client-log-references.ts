/**
 * The checks a schema cannot make: a log is one client's, and every reference inside it points to a record in it.
 * A log that passes can be imported in table order without a dangling id.
 */
import type { ClientLog, LogTable } from './client-log';
import { LOG_TABLES } from './client-log';

type Ref = { table: LogTable; index: number; field: string; id: string | null; target: LogTable };

function ids(log: ClientLog, table: LogTable): Set<string> {
  return new Set(log[table].map((r) => r.id));
}

function references(log: ClientLog): Ref[] {
  const refs: Ref[] = [];
  log.items.forEach((item, index) => {
    refs.push({ table: 'items', index, field: 'meetingId', id: item.meetingId, target: 'meetings' });
    refs.push({ table: 'items', index, field: 'vendorId', id: item.vendorId, target: 'vendors' });
    refs.push({ table: 'items', index, field: 'contractId', id: item.contractId, target: 'contracts' });
  });
  log.captures.forEach((c, index) =>
    refs.push({ table: 'captures', index, field: 'itemId', id: c.itemId, target: 'items' }),
  );
  log.contracts.forEach((c, index) =>
    refs.push({ table: 'contracts', index, field: 'vendorId', id: c.vendorId, target: 'vendors' }),
  );
  return refs;
}

const NOUN: Record<LogTable, string> = {
  meetings: 'meeting',
  vendors: 'vendor',
  contracts: 'contract',
  items: 'item',
  captures: 'capture',
  history: 'history entry',
};

export function referenceErrors(log: ClientLog): string[] {
  const errors: string[] = [];
  const clientId = log.client.id;
  for (const table of LOG_TABLES) {
    const seen = new Set<string>();
    log[table].forEach((record, index) => {
      if (seen.has(record.id)) errors.push(`${table}[${index}].id: ${NOUN[table]} id "${record.id}" appears twice`);
      seen.add(record.id);
      if ('clientId' in record && record.clientId !== clientId) {
        errors.push(
          `${table}[${index}].clientId: belongs to client "${record.clientId}", not to this log's client "${clientId}"`,
        );
      }
    });
  }
  const known = Object.fromEntries(LOG_TABLES.map((t) => [t, ids(log, t)])) as Record<LogTable, Set<string>>;
  for (const ref of references(log)) {
    if (ref.id !== null && !known[ref.target].has(ref.id)) {
      errors.push(`${ref.table}[${ref.index}].${ref.field}: ${NOUN[ref.target]} "${ref.id}" is not in this log`);
    }
  }
  return errors;
}

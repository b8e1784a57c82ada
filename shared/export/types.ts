import type { Capture, Client, Contract, HistoryEntry, Item, Meeting, Vendor } from '../domain';

/** A deadline surfaced on an agenda, as `shared/rules/deadlines.ts` produces it. */
export type { Deadline } from '../rules/deadlines';

/** Everything a client's log holds, without the file envelope. */
export type LogData = {
  client: Client;
  meetings: Meeting[];
  vendors: Vendor[];
  contracts: Contract[];
  items: Item[];
  captures: Capture[];
  history: HistoryEntry[];
};

/** A contract's current term end and next notice deadline, as of the day the caller has in mind. */
export type ContractDatesOf = (contract: Contract) => { termEnd: string; noticeDeadline: string };

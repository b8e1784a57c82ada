import type { Capture, Client, Contract, HistoryEntry, Item, Meeting, Vendor } from '../domain';

/**
 * A deadline surfaced on an agenda. Mirrors `Deadline` of `shared/rules/deadlines.ts` (written in parallel):
 * structural, so the rule's output can be passed in as it is.
 */
export type Deadline = {
  /** 'YYYY-MM-DD' */
  date: string;
  kind: 'notice' | 'renewal' | 'expiry' | 'decide-by';
  title: string;
  itemId: string | null;
  contractId: string | null;
  vendorId: string | null;
  /** One sentence saying where the date comes from. */
  why: string;
};

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

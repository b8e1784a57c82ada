/**
 * The saved form of a LogSearch: what IndexedDB keeps so the log page searches without building the index again.
 * Plain data for the structured clone, in columns: the postings packed into typed arrays, strings joined into a few
 * long ones, repeated values (client, status, vendor, tags…) as numbers into a table of distinct values. Cloning
 * 50,000 small arrays or objects costs IndexedDB and the reader far more than a few large blocks. No capture text is
 * saved (the captures have it).
 *
 * Bump SEARCH_FORMAT whenever this shape or what is indexed changes (fields, boosts, words, caps, stop words): a
 * saved index of another format is never read, the index is built again.
 */
import type { TermIndexData } from './postings';

export const SEARCH_FORMAT = 1;

/** Separates joined ids and dates (none contains a line break). */
export const SEP = '\n';

export interface SearchSnapshot {
  format: number;
  /** The indexed fields' names, in order: a saved index of other fields is not read. */
  fields: string[];
  index: TermIndexData;
  /** Per item slot, `slots.count` of them. */
  slots: {
    count: number;
    /** Item ids joined by SEP ('' for a free slot). */
    ids: string;
    /** The item's own document number; -1 when the item itself is not indexed (only captures of it arrived). */
    doc: Int32Array;
    /** Distinct values of the coded columns below. */
    values: string[];
    /** Per slot, codes into `values` (-1: no value): client, status, kind, section, vendor. */
    clientId: Int32Array;
    status: Int32Array;
    kind: Int32Array;
    section: Int32Array;
    vendorId: Int32Array;
    /** Folded tags: slot `s` has the codes `tagCodes[tagStart[s]…tagStart[s + 1]]`. */
    tagStart: Int32Array;
    tagCodes: Int32Array;
    /** `date` and `createdAt` joined by SEP. */
    date: string;
    createdAt: string;
    /** The item documents' text, all fields of all slots end to end; `textLength[slot * fields + f]`, -1 = none. */
    text: string;
    textLength: Int32Array;
  };
  captures: {
    /** Capture ids joined by SEP, with each one's slot and document number. */
    ids: string;
    slot: Int32Array;
    doc: Int32Array;
  };
  freeSlots: number[];
}

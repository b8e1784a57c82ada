import type { ItemKind, ItemStatus, Section } from '../domain';

/** Narrows a search. Every given filter must hold (AND); an empty array means "no constraint". */
export type SearchFilters = {
  clientId?: string;
  status?: ItemStatus[];
  kind?: ItemKind[];
  section?: Section[];
  vendorId?: string;
  /** One tag, compared case- and accent-insensitively. */
  tag?: string;
  /** Inclusive bounds, `YYYY-MM-DD`, on the item's date: `decideBy`, else the (UTC) date of `createdAt`. */
  from?: string;
  to?: string;
};

/** Where the words were found: the item's own fields, its decision record (and actions), or a capture of it. */
export type MatchedIn = 'item' | 'decision' | 'capture';

export type SearchHit = {
  itemId: string;
  /** Relevance; 0 for an empty query (the list is then by date). */
  score: number;
  /** Plain text, at most 200 characters, around the first match. */
  snippet: string;
  matchedIn: MatchedIn;
  /** The capture that matched, when `matchedIn` is `'capture'`. */
  captureId?: string;
};

/** What the filters need of an item, kept in memory so filtering never re-reads records. */
export type ItemMeta = {
  id: string;
  clientId: string;
  status: ItemStatus;
  kind: ItemKind;
  section: Section;
  vendorId: string | null;
  /** Folded tags. */
  tags: string[];
  /** `decideBy ?? createdAt` date, `YYYY-MM-DD`. */
  date: string;
  createdAt: string;
};

/**
 * One indexed document, an item's own text or one capture's, as it was indexed (long fields capped). Kept to write
 * snippets and to remove the document exactly.
 */
export type StoredDoc = {
  itemId: string;
  captureId: string | null;
  /**
   * Text per field, in FIELDS order; '' where the document has no such field. `null` for a capture in an index that
   * does not keep capture text (its text is the capture's, read again from the capture when a snippet needs it).
   */
  texts: string[] | null;
};

/**
 * The indexed fields, one list for item and capture documents (an item document fills the first six, a capture
 * document the last three). The order is also the snippet's preference when two fields match equally many words.
 */
import type { MatchedIn } from './types';

export type Field = { name: string; boost: number; matchedIn: MatchedIn };

/** Boosts make a title word outrank the same word deep in a clipped page. */
export const FIELDS: readonly Field[] = [
  { name: 'title', boost: 4, matchedIn: 'item' },
  { name: 'vendor', boost: 2.5, matchedIn: 'item' },
  { name: 'tags', boost: 2.5, matchedIn: 'item' },
  { name: 'decision', boost: 1.5, matchedIn: 'decision' },
  { name: 'actions', boost: 1.2, matchedIn: 'decision' },
  { name: 'notes', boost: 1, matchedIn: 'item' },
  { name: 'captureTitle', boost: 1.5, matchedIn: 'capture' },
  { name: 'captureSource', boost: 1.2, matchedIn: 'capture' },
  { name: 'captureBody', boost: 0.6, matchedIn: 'capture' },
];

export const FIELD = {
  title: 0,
  vendor: 1,
  tags: 2,
  decision: 3,
  actions: 4,
  notes: 5,
  captureTitle: 6,
  captureSource: 7,
  captureBody: 8,
} as const;

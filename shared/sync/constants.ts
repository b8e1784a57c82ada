/**
 * The protocol's plain constants, apart from its zod schemas: the popup's write path needs these (every local write
 * queues changes) without loading the message schemas.
 */
export const TOMBSTONE = '_deleted';

/** `<13-digit ms>:<4-digit counter>:<replica id>`: fixed widths, so stamps compare as strings. */
export const HLC_PATTERN = /^\d{13}:\d{4}:[A-Za-z0-9-]{1,64}$/;

// Plain constants (no zod): the capture popup reads them on its first, small load.

/** Most images one capture keeps: beyond it a page is a gallery, and the notice says how many were left. */
export const MAX_IMAGES_PER_CAPTURE = 60;

/** The server's default per-blob limit, and so the largest image a capture may keep to sync it. */
export const MAX_BLOB_BYTES = 5 * 1024 * 1024;

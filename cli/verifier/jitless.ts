import { z } from 'zod';

/**
 * The verifier never compiles code at run time: zod's fast path builds parsers with `new Function`, which a strict
 * page refuses (and reports), and which the pack's reader should not have to trust either. Imported first by both
 * entries, so it is set before any schema exists.
 */
z.config({ jitless: true });

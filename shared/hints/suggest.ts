import type { CaptureDraft, Hints } from '../domain';
import { contextHints, type SuggestContext } from './context-hints';
import { textHints } from './text-hints';

/** All hints for a capture: those read from its text, then those that need the clients and their vendors. */
export function suggestHints(draft: CaptureDraft, ctx: SuggestContext): Hints {
  return contextHints(draft, textHints(draft, ctx.now), ctx);
}

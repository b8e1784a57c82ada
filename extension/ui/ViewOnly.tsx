import type { ComponentChildren } from 'preact';
import { type Access, viewOnlyMark } from '../sync/access';

/** The mark at the top of a view-only client's views and items; nothing for a log that may be changed. */
export function ViewOnlyMark({ access, name }: { access: Access; name: string }) {
  const mark = viewOnlyMark(access, name);
  if (!mark) return null;
  return (
    <p class="view-only" role="note" data-testid="view-only">
      {mark}
    </p>
  );
}

/** Its form controls shown but disabled when `locked` (a view-only client's record); as they are otherwise. */
export function Locked({ locked, children }: { locked: boolean; children: ComponentChildren }) {
  if (!locked) return <>{children}</>;
  return (
    <fieldset class="locked" disabled>
      {children}
    </fieldset>
  );
}

import type { ComponentChildren } from 'preact';
import type { Client } from '../../shared/domain';
import type { DocketDB } from '../store/db';
import { type Access, spaceOf, viewOnlyMark } from '../sync/access';
import { endedMessage } from '../sync/messages';
import { useConnection } from './use-access';

/**
 * The mark at the top of a view-only client's views and items; nothing for a log that may be changed. A space this
 * account lost says what happened, who and when ("Removed from Acme by Dana Owner on 4 Dec 2026; …").
 */
export function ViewOnlyMark({ db, access, client }: { db: DocketDB; access: Access; client: Client }) {
  const connection = useConnection(db);
  const space = access === 'ended' && connection ? spaceOf(connection, client.id) : null;
  const mark = space?.ended
    ? `${endedMessage(space, client.timeZone)} It is read-only here.`
    : viewOnlyMark(access, client.name);
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

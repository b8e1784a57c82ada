import type { DocketDB } from '../../store/db';
import { useAccess } from '../use-access';
import { useLive } from '../use-live';
import { ItemDetail } from './ItemDetail';

/** Loads what the item detail needs; closes itself when the item is gone (filed into another, say). */
export function ItemPanel({ db, itemId, close }: { db: DocketDB; itemId: string; close: () => void }) {
  const data = useLive(async () => {
    const item = await db.items.get(itemId);
    if (!item) return null;
    const [client, meetings, vendors, contracts] = await Promise.all([
      db.clients.get(item.clientId),
      db.meetings.where('clientId').equals(item.clientId).sortBy('startsAt'),
      db.vendors.where('clientId').equals(item.clientId).sortBy('name'),
      db.contracts.where('clientId').equals(item.clientId).toArray(),
    ]);
    return client ? { item, client, meetings, vendors, contracts } : null;
  }, [itemId]);
  const access = useAccess(db, data?.item.clientId);
  if (data === undefined || access === undefined) return null;
  if (data === null) return <p class="empty">This item no longer exists.</p>;
  return (
    <>
      <button type="button" class="link back" onClick={close}>
        ← Back
      </button>
      <ItemDetail db={db} {...data} access={access} />
    </>
  );
}

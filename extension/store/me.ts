import type { DocketDB } from './db';
import { getConnection } from '../sync/connection-store';
import type { Actor } from './history';

const ME = 'me';

/** Who is using this browser, as shown in history ("who changed this"). Set once in the log page. */
export async function myName(db: DocketDB): Promise<string> {
  const row = await db.settings.get(ME);
  return typeof row?.value === 'string' && row.value.trim() ? row.value : 'me';
}

export async function setMyName(db: DocketDB, name: string): Promise<void> {
  await db.settings.put({ key: ME, value: name.trim() });
}

/** Who is writing now: the name, and the sync account when signed in (so teammates see the same member). */
export async function actorNow(db: DocketDB, now = new Date()): Promise<Actor> {
  const account = (await getConnection(db))?.user.id;
  return { by: await myName(db), at: now.toISOString(), ...(account ? { byId: account } : {}) };
}

const LAST_CLIENT = 'lastClientId';
export async function lastClientId(db: DocketDB): Promise<string | null> {
  const row = await db.settings.get(LAST_CLIENT);
  return typeof row?.value === 'string' ? row.value : null;
}
export async function setLastClientId(db: DocketDB, id: string): Promise<void> {
  await db.settings.put({ key: LAST_CLIENT, value: id });
}

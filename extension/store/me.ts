import type { DocketDB } from './db';
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

export async function actorNow(db: DocketDB, now = new Date()): Promise<Actor> {
  return { by: await myName(db), at: now.toISOString() };
}

const LAST_CLIENT = 'lastClientId';
export async function lastClientId(db: DocketDB): Promise<string | null> {
  const row = await db.settings.get(LAST_CLIENT);
  return typeof row?.value === 'string' ? row.value : null;
}
export async function setLastClientId(db: DocketDB, id: string): Promise<void> {
  await db.settings.put({ key: LAST_CLIENT, value: id });
}

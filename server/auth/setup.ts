import type { SyncStore } from '../store/types';
import { hashSecret, newSecret } from './secrets';

/**
 * On start, while nobody has completed setup: creates the server owner (first time only) and issues a fresh
 * one-time setup code, returned for printing. Each start replaces the previous code, so a lost code is recovered
 * by restarting. Null once setup is done.
 */
export async function prepareSetup(store: SyncStore, now: Date): Promise<string | null> {
  if (!(await store.setupPending())) return null;
  const code = newSecret();
  await store.startSetup(hashSecret(code), now.toISOString());
  return code;
}

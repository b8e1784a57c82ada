import { v7 } from 'uuid';

/** Client-made, time-sortable id (UUIDv7): replicas can create records offline without colliding. */
export function newId(): string {
  return v7();
}

import type postgres from 'postgres';

/** A connection pool or one transaction of it: what the parts' queries run on. */
export type Db = postgres.ISql;

/** Moves the access mark (`authMark`, ./usage.ts); called inside the transaction that revokes or changes access. */
export async function bumpAuthMark(db: Db): Promise<void> {
  await db`UPDATE auth_mark SET mark = mark + 1 WHERE id = 1`;
}

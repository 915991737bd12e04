import type { EntityManager } from 'typeorm';

/** TypeORM answers an UPDATE … RETURNING with `[rows, affectedCount]`; an INSERT or SELECT with the rows alone. */
export async function updateReturning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T | undefined> {
  const result = await manager.query(sql, params);
  const rows = Array.isArray(result[0]) ? result[0] : result;
  return rows[0];
}

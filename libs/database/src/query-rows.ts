import type { EntityManager } from 'typeorm';

/**
 * The rows of a raw query. TypeORM answers UPDATE and DELETE with `[rows, count]` and
 * everything else with `rows`; this gives rows for both (e.g. UPDATE ... RETURNING).
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

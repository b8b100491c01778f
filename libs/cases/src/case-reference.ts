import type { EntityManager } from 'typeorm';

/**
 * The next CASE-<year>-<nnnn> reference. The counter row is locked by the upsert until
 * the surrounding transaction ends, so concurrent creations get distinct, gap-free numbers
 * (a rolled-back creation releases its number with the rollback).
 */
export async function nextCaseReference(manager: EntityManager, now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = (await manager.query(
    `INSERT INTO case_reference_counters (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
     RETURNING last_number AS "lastNumber"`,
    [year],
  )) as Array<{ lastNumber: number }>;
  return formatCaseReference(year, row.lastNumber);
}

export function formatCaseReference(year: number, number: number): string {
  return `CASE-${year}-${String(number).padStart(4, '0')}`;
}

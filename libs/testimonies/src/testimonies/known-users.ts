import type { EntityManager } from 'typeorm';
import { DomainError } from '@sillok/core';

/**
 * Refuses ids that name no account (a 400 on `field`): interviewers are users, and a record
 * citing someone who does not exist cannot be attributed later. Disabled accounts still count.
 */
export async function requireKnownUsers(
  manager: EntityManager,
  ids: string[] | undefined,
  field: string,
): Promise<void> {
  if (!ids?.length) return;
  const rows = (await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [ids])) as Array<{ id: string }>;
  const known = new Set(rows.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw DomainError.validation([{ field, reason: `no such user: ${unknown.join(', ')}` }]);
}

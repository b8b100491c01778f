import { In, type EntityManager, type EntityTarget } from 'typeorm';
import { DomainError } from '@sillok/core';

export interface SameCaseCheck {
  entity: EntityTarget<{ id: string; caseId: string }>;
  ids: string[] | undefined;
  caseId: string;
  /** The request field that carried the ids, named in the 400. */
  field: string;
}

/**
 * Every id must name a record of `caseId`; a record of another case is refused exactly like an
 * unknown id (400 naming the field), so the answer never reveals that it exists.
 */
export async function requireInCase(
  manager: EntityManager,
  { entity, ids, caseId, field }: SameCaseCheck,
): Promise<void> {
  if (!ids?.length) return;
  const found = await manager.getRepository(entity).countBy({ id: In(ids), caseId } as never);
  if (found !== ids.length) throw DomainError.validation([{ field, reason: 'each id must be a record of this case' }]);
}

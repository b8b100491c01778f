import type { EntityManager, EntityTarget } from 'typeorm';
import { DomainError, type Actor, type Permission } from '@sillok/core';
import type { CaseAccessPolicy } from './case-access.policy.js';

export interface FindInCaseOptions<T> {
  policy: CaseAccessPolicy;
  actor: Actor;
  permission: Permission;
  entity: EntityTarget<T>;
  id: string;
  /** The record's name in the 404 ("testimony", "witness"). */
  what: string;
  /** Take a row lock for this transaction (for writes). */
  lock?: boolean;
}

/** Which record a service's own lookup loads, for whom and for what; the service fills in the rest. */
export type RecordLookup = Pick<FindInCaseOptions<unknown>, 'actor' | 'id' | 'permission' | 'lock'>;

/**
 * Loads a record held by a case and checks that the actor may act on it with the
 * permission. Missing and forbidden answer the same 404; the policy audits a refusal.
 */
export async function findInCase<T extends { id: string; caseId: string }>(
  manager: EntityManager,
  { policy, actor, permission, entity, id, what, lock }: FindInCaseOptions<T>,
): Promise<T> {
  const record = await manager.getRepository(entity).findOne({
    where: { id } as never,
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!record) throw DomainError.notFound(what);
  await policy.requireRecordAccess(actor, { record, what, permission, manager });
  return record;
}

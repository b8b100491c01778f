import type { EntityManager, EntityTarget } from 'typeorm';
import { DomainError, type Actor, type Permission } from '@sillok/core';
import type { CaseAccessPolicy } from '@sillok/cases';

/**
 * Loads a record held by a case and checks that the actor may act on it with the
 * permission. Missing and forbidden answer the same 404; the policy audits a refusal.
 */
export async function findInCase<T extends { id: string; caseId: string }>(
  manager: EntityManager,
  policy: CaseAccessPolicy,
  actor: Actor,
  permission: Permission,
  target: EntityTarget<T>,
  id: string,
  what: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const record = await manager.getRepository(target).findOne({
    where: { id } as never,
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!record) throw DomainError.notFound(what);
  await policy.requireCaseAccess(actor, record.caseId, permission, manager);
  return record;
}

/** A stale optimistic-lock version: 409 with the version the caller should re-read. */
export function assertVersion(current: { version: number }, expected: number, what: string): void {
  if (current.version !== expected) {
    throw DomainError.staleVersion(
      `${what} was changed by someone else (now version ${current.version})`,
      current.version,
    );
  }
}

import type { EntityManager } from 'typeorm';
import { findInCase, type CaseAccessPolicy } from '@sillok/cases';
import { DomainError, ErrorCode, type Actor, type Permission } from '@sillok/core';
import { Testimony } from './testimony.entity.js';

/** The testimony, if the actor may use `permission` on it (missing and forbidden: the same 404). */
export function findTestimony(
  manager: EntityManager,
  policy: CaseAccessPolicy,
  actor: Actor,
  id: string,
  permission: Permission,
  options: { lock?: boolean } = {},
): Promise<Testimony> {
  return findInCase(manager, { policy, actor, permission, entity: Testimony, id, what: 'testimony', ...options });
}

/** The testimony, locked for this transaction, if the actor may change it and it is not withdrawn. */
export async function findWritableTestimony(
  manager: EntityManager,
  policy: CaseAccessPolicy,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<Testimony> {
  const testimony = await findTestimony(manager, policy, actor, id, permission, { lock: true });
  if (testimony.withdrawnAt)
    throw new DomainError(ErrorCode.Conflict, 'the testimony has been withdrawn and no longer changes');
  return testimony;
}

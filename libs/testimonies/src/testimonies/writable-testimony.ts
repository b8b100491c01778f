import type { EntityManager } from 'typeorm';
import { findInCase, type CaseAccessPolicy, type RecordLookup } from '@sillok/cases';
import { DomainError, ErrorCode } from '@sillok/core';
import { Testimony } from './testimony.entity.js';

export type TestimonyLookup = RecordLookup & { policy: CaseAccessPolicy };

/** The testimony, if the actor may use `permission` on it (missing and forbidden: the same 404). */
export function findTestimony(manager: EntityManager, lookup: TestimonyLookup): Promise<Testimony> {
  return findInCase(manager, { ...lookup, entity: Testimony, what: 'testimony' });
}

/** The testimony, locked for this transaction, if the actor may change it and it is not withdrawn. */
export async function findWritableTestimony(
  manager: EntityManager,
  lookup: Omit<TestimonyLookup, 'lock'>,
): Promise<Testimony> {
  const testimony = await findTestimony(manager, { ...lookup, lock: true });
  if (testimony.withdrawnAt)
    throw new DomainError(ErrorCode.Conflict, 'the testimony has been withdrawn and no longer changes');
  return testimony;
}

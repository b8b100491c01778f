import type { EntityManager } from 'typeorm';
import { DomainError, Permission, type Actor } from '@sillok/core';
import type { CaseAccessPolicy } from '@sillok/cases';

/**
 * What an attachment can belong to: the query that finds the case holding each owner, and
 * the permission that lists an owner's attachments. Incidents sit above evidence in the
 * layering, so owners are found by their table rather than their entity. A new owner is one
 * line here and the owner_type CHECK in a migration.
 */
const OWNERS = {
  testimony: { caseOf: 'SELECT case_id AS "caseId" FROM testimonies WHERE id = $1', read: Permission.TestimonyRead },
  case: { caseOf: 'SELECT id AS "caseId" FROM cases WHERE id = $1', read: Permission.CaseRead },
  incident: { caseOf: 'SELECT case_id AS "caseId" FROM incidents WHERE id = $1', read: Permission.IncidentRead },
} as const;

export type AttachmentOwnerType = keyof typeof OWNERS;
export const ATTACHMENT_OWNER_TYPES = Object.keys(OWNERS) as AttachmentOwnerType[];

/** The permission that lists the attachments of an owner of this type. */
export function ownerReadPermission(ownerType: AttachmentOwnerType): Permission {
  return OWNERS[ownerType].read;
}

export interface OwnerCaseOptions {
  policy: CaseAccessPolicy;
  actor: Actor;
  permission: Permission;
  ownerType: AttachmentOwnerType;
  ownerId: string;
}

/**
 * The case holding the owner, once the actor's access with `permission` is checked.
 * Missing and forbidden both answer 404 (the policy audits a refusal).
 */
export async function requireOwnerCase(
  manager: EntityManager,
  { policy, actor, permission, ownerType, ownerId }: OwnerCaseOptions,
): Promise<string> {
  const [owner] = (await manager.query(OWNERS[ownerType].caseOf, [ownerId])) as Array<{ caseId: string }>;
  if (!owner) throw DomainError.notFound(ownerType);
  await policy.requireRecordAccess(actor, { record: owner, what: ownerType, permission, manager });
  return owner.caseId;
}

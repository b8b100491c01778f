import type { EntityManager } from 'typeorm';
import { DomainError, type Actor, type Permission } from '@sillok/core';
import { Case, type CaseAccessPolicy } from '@sillok/cases';
import { Testimony } from '@sillok/testimonies';

/**
 * What an attachment can belong to, and how to find the case that holds each owner.
 * Incidents join with one line here (and the owner_type CHECK in a migration).
 */
const OWNERS = {
  testimony: { entity: Testimony, caseIdOf: (record: Testimony) => record.caseId },
  case: { entity: Case, caseIdOf: (record: Case) => record.id },
} as const;

export type AttachmentOwnerType = keyof typeof OWNERS;
export const ATTACHMENT_OWNER_TYPES = Object.keys(OWNERS) as AttachmentOwnerType[];

/**
 * The case holding the owner, once the actor's access with `permission` is checked.
 * Missing and forbidden both answer 404 (the policy audits a refusal).
 */
export async function requireOwnerCase(
  manager: EntityManager,
  policy: CaseAccessPolicy,
  actor: Actor,
  permission: Permission,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<string> {
  const owner = OWNERS[ownerType] as { entity: new () => object; caseIdOf: (record: object) => string };
  const record = await manager.getRepository(owner.entity).findOne({ where: { id: ownerId } });
  if (!record) throw DomainError.notFound(ownerType);
  const caseId = owner.caseIdOf(record);
  await policy.requireCaseAccess(actor, caseId, permission, manager);
  return caseId;
}

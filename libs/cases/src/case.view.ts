import type { CaseResponse } from './case.responses.js';
import type { CaseRole } from './members/case-role.js';
import type { Case } from './case.entity.js';

export function toCaseView(entity: Case, myCaseRole: CaseRole): CaseResponse {
  return {
    id: entity.id,
    reference: entity.reference,
    title: entity.title,
    description: entity.description,
    status: entity.status,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    myCaseRole,
  };
}

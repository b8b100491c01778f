import type { CaseRole } from './members/case-role.js';
import type { Case } from './case.entity.js';

export interface CaseView {
  id: string;
  reference: string;
  title: string;
  description: string;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The caller's role in this case. */
  myCaseRole: CaseRole;
}

export function toCaseView(entity: Case, myCaseRole: CaseRole): CaseView {
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

import type { CaseRole } from './case-role.js';

export interface CaseMemberView {
  userId: string;
  displayName: string;
  email: string;
  role: string;
  caseRole: CaseRole;
  addedBy: string;
  addedAt: string;
  updatedAt: string;
}

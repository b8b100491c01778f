/** A member's standing in one case: lead manages it, member records in it, viewer only reads. */
export enum CaseRole {
  Lead = 'lead',
  Member = 'member',
  Viewer = 'viewer',
}

const RANK: Record<CaseRole, number> = { [CaseRole.Viewer]: 0, [CaseRole.Member]: 1, [CaseRole.Lead]: 2 };

export function caseRoleAtLeast(role: CaseRole, minimum: CaseRole): boolean {
  return RANK[role] >= RANK[minimum];
}

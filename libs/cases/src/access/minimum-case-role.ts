import { Permission } from '@sillok/core';
import { CaseRole } from '../members/case-role.js';

/**
 * Inside a case, the case role caps what the global role may do: viewers read pseudonymised
 * content (and may export what they can read), members also record and, where their global
 * role allows, read who a witness is; leads also manage the case and its members. Identity
 * reads are capped at member because viewer is the role for those who only need the record:
 * adding someone to read testimonies must not also show them names of families in the DPRK.
 */
const MINIMUM: Partial<Record<Permission, CaseRole>> = {
  [Permission.CaseManage]: CaseRole.Lead,
  [Permission.WitnessWrite]: CaseRole.Member,
  [Permission.WitnessIdentityRead]: CaseRole.Member,
  [Permission.WitnessIdentityWrite]: CaseRole.Member,
  [Permission.ConsentWrite]: CaseRole.Member,
  [Permission.TestimonyWrite]: CaseRole.Member,
  [Permission.TestimonyApprove]: CaseRole.Member,
  [Permission.IncidentWrite]: CaseRole.Member,
  [Permission.AttachmentUpload]: CaseRole.Member,
  [Permission.ImportCreate]: CaseRole.Member,
};

export function minimumCaseRole(permission: Permission): CaseRole {
  return MINIMUM[permission] ?? CaseRole.Viewer;
}

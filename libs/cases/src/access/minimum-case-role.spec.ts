import { describe, expect, it } from '@jest/globals';
import { Permission } from '@sillok/core';
import { CaseRole } from '../members/case-role.js';
import { minimumCaseRole } from './minimum-case-role.js';

const P = Permission;
const PERMISSIONS = Object.values(Permission);

/** The lowest case role each permission needs inside a case; every other permission needs viewer. */
const NEEDS: Partial<Record<Permission, CaseRole>> = {
  [P.CaseManage]: CaseRole.Lead,
  [P.WitnessWrite]: CaseRole.Member,
  [P.WitnessIdentityRead]: CaseRole.Member,
  [P.WitnessIdentityWrite]: CaseRole.Member,
  [P.ConsentWrite]: CaseRole.Member,
  [P.TestimonyWrite]: CaseRole.Member,
  [P.TestimonyApprove]: CaseRole.Member,
  [P.IncidentWrite]: CaseRole.Member,
  [P.AttachmentUpload]: CaseRole.Member,
  [P.ImportCreate]: CaseRole.Member,
};

describe('minimumCaseRole', () => {
  it.each(PERMISSIONS)('%s', (permission) => {
    expect(minimumCaseRole(permission)).toBe(NEEDS[permission] ?? CaseRole.Viewer);
  });

  it('lets a viewer export and download what they can read (the global role decides those)', () => {
    for (const p of [P.ExportCreate, P.AttachmentDownload, P.TestimonyRead]) {
      expect(minimumCaseRole(p)).toBe(CaseRole.Viewer);
    }
  });

  it('keeps witness identities from a viewer whatever their global role (only the record, not the names)', () => {
    expect(minimumCaseRole(P.WitnessIdentityRead)).toBe(CaseRole.Member);
  });
});

import { describe, expect, it } from '@jest/globals';
import { caseRoleAtLeast, CaseRole } from './case-role.js';

describe('caseRoleAtLeast', () => {
  // [role, minimum, allowed]: lead > member > viewer.
  it.each([
    [CaseRole.Viewer, CaseRole.Viewer, true],
    [CaseRole.Viewer, CaseRole.Member, false],
    [CaseRole.Viewer, CaseRole.Lead, false],
    [CaseRole.Member, CaseRole.Viewer, true],
    [CaseRole.Member, CaseRole.Member, true],
    [CaseRole.Member, CaseRole.Lead, false],
    [CaseRole.Lead, CaseRole.Viewer, true],
    [CaseRole.Lead, CaseRole.Member, true],
    [CaseRole.Lead, CaseRole.Lead, true],
  ])('%s at least %s: %s', (role, minimum, allowed) => {
    expect(caseRoleAtLeast(role, minimum)).toBe(allowed);
  });
});

/** The global roles. What each may do is the role map (role-permissions.ts); which cases, the case membership. */
export enum Role {
  Admin = 'admin',
  Coordinator = 'coordinator',
  Investigator = 'investigator',
  Analyst = 'analyst',
  LegalReviewer = 'legal_reviewer',
  Auditor = 'auditor',
}

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

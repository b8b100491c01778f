import { CaseRole } from '@sillok/cases';
import { Role } from '@sillok/auth';
import { createAndLogin, requestAs, type LoggedInUser, type RoleLogins } from './auth-fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * Opens a case as `lead` (a coordinator) through the API and adds members (by id: a member need not
 * have signed in yet); returns its id.
 */
export async function createCase(
  t: TestApp,
  lead: LoggedInUser,
  options: { title?: string; members?: Array<[Pick<LoggedInUser, 'id'>, CaseRole]> } = {},
): Promise<string> {
  const created = await requestAs(t, lead, 'post', '/cases', { title: options.title ?? 'Fixture case' });
  if (created.status !== 201)
    throw new Error(`creating a case failed: ${created.status} ${JSON.stringify(created.body)}`);
  for (const [member, caseRole] of options.members ?? []) {
    const added = await requestAs(t, lead, 'post', `/cases/${created.body.id}/members`, {
      userId: member.id,
      caseRole,
    });
    if (added.status !== 201) throw new Error(`adding a member failed: ${added.status} ${JSON.stringify(added.body)}`);
  }
  return created.body.id as string;
}

export interface TwoCases {
  /**
   * Led by `as.coordinator`; the investigator and the legal reviewer are members (a legal reviewer
   * reads identities for filings, which takes case role member), the analyst is a viewer.
   * The admin is not a member (admins see no case content) unless `adminIsMember` is set.
   */
  caseA: string;
  /** Led by another coordinator; none of `as` is a member: every id in it must answer 404 to them. */
  caseB: string;
  /** The lead of case B. */
  otherLead: LoggedInUser;
}

/**
 * The usual need-to-know set-up for a feature's tests: records made in case B must be
 * invisible (404) to every user of `as`, who all work in case A.
 */
export async function createTwoCases(
  t: TestApp,
  as: RoleLogins,
  options: { adminIsMember?: boolean } = {},
): Promise<TwoCases> {
  const members: Array<[LoggedInUser, CaseRole]> = [
    [as.investigator, CaseRole.Member],
    [as.analyst, CaseRole.Viewer],
    [as.legal_reviewer, CaseRole.Member],
  ];
  if (options.adminIsMember) members.push([as.admin, CaseRole.Member]);
  const caseA = await createCase(t, as.coordinator, { title: 'Case A', members });
  const otherLead = await createAndLogin(t, Role.Coordinator);
  const caseB = await createCase(t, otherLead, { title: 'Case B' });
  return { caseA, caseB, otherLead };
}

/**
 * A case of a test's own, for tests that read unfiltered lists: led by `as.coordinator`, the
 * investigator a member, the analyst of `as` a viewer, and a new analyst whose only case this is,
 * so that what that analyst lists is exactly what the test made in it.
 */
export async function createListedCase(t: TestApp, as: RoleLogins): Promise<{ caseId: string; analyst: LoggedInUser }> {
  const analyst = await createAndLogin(t, Role.Analyst);
  const caseId = await createCase(t, as.coordinator, {
    members: [
      [as.investigator, CaseRole.Member],
      [as.analyst, CaseRole.Viewer],
      [analyst, CaseRole.Viewer],
    ],
  });
  return { caseId, analyst };
}

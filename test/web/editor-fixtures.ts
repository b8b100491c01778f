import type { Page } from 'playwright-core';
import { Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';

/** A case led by a coordinator, an investigator member, and one testimony of theirs with `narrative`. */
export async function testimonyToEdit(t: TestApp, title: string, narrative: string) {
  const lead = await createAndLogin(t, Role.Coordinator);
  const investigator = await createAndLogin(t, Role.Investigator);
  const caseId = await createCase(t, lead, { members: [[investigator, CaseRole.Member]] });
  const witness = await requestAs(t, investigator, 'post', '/witnesses', { caseId });
  const created = await requestAs(t, investigator, 'post', '/testimonies', {
    witnessId: witness.body.id,
    title,
    forum: 'confidential_interview',
    originalLanguage: 'ko',
    narrative,
  });
  if (created.status !== 201) throw new Error(`testimony: ${created.status} ${JSON.stringify(created.body)}`);
  const testimony = created.body as { id: string; reference: string; version: number };
  return { lead, investigator, testimony };
}

/** Opens `path` signed out, and signs in there (English screens) as `user`. */
export async function signInAt(page: Page, path: string, user: LoggedInUser): Promise<void> {
  await page.goto(path);
  await page.getByLabel(en.login.email).fill(user.email);
  await page.getByLabel(en.login.password).fill(user.password);
  await page.getByRole('button', { name: en.login.submit }).click();
}

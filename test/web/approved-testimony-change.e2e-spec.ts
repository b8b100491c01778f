import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';

/**
 * An approved testimony changes only with a reason, and the change sends it back to review
 * (the API's rule): the editor asks for the reason and says so before the user saves.
 */
describe('changing an approved testimony in the editor', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let investigator: LoggedInUser;
  let testimony: { id: string; reference: string };

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    const lead = await createAndLogin(t, Role.Coordinator);
    investigator = await createAndLogin(t, Role.Investigator);
    const caseId = await createCase(t, lead, { members: [[investigator, CaseRole.Member]] });
    const witness = await requestAs(t, investigator, 'post', '/witnesses', { caseId });
    const created = await requestAs(t, investigator, 'post', '/testimonies', {
      witnessId: witness.body.id,
      title: 'Approved account',
      forum: 'confidential_interview',
      originalLanguage: 'ko',
      narrative: '승인된 증언.',
    });
    testimony = created.body;
    let version = created.body.version as number;
    for (const [user, action] of [
      [investigator, 'submit'],
      [lead, 'approve'],
    ] as const) {
      const res = await requestAs(t, user, 'post', `/testimonies/${testimony.id}/status`, { action, version });
      if (res.status >= 300) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      version = res.body.version;
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is locked until changed on purpose, asks for the reason, says it returns to review, and saves with it', async () => {
    const page = await (await newContext(browser, baseUrl, 'en')).newPage();
    await page.goto(`/app/testimonies/${testimony.reference}`);
    await page.getByLabel(en.login.email).fill(investigator.email);
    await page.getByLabel(en.login.password).fill(investigator.password);
    await page.getByRole('button', { name: en.login.submit }).click();
    await page.getByText(en.editor.locked).waitFor();
    expect(await page.locator('textarea[name=narrative]').isDisabled()).toBe(true);

    await page.getByRole('button', { name: en.editor.changeApproved }).click();
    await page.getByText(en.editor.backToReview).waitFor();
    await page.locator('textarea[name=narrative]').fill('승인된 증언. 정정한 문장.');
    const save = page.getByRole('button', { name: en.common.save, exact: true });
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel(en.editor.changeReason).fill('The witness corrected the date');
    await screenshot(page, 'editor-change-approved-en');
    expect(await seriousViolations(page)).toEqual([]);
    await save.click();

    await page.locator('.status', { hasText: en.status.under_review }).waitFor();
    const saved = await requestAs(t, investigator, 'get', `/testimonies/${testimony.id}`);
    expect(saved.body).toMatchObject({ status: 'under_review', narrative: '승인된 증언. 정정한 문장.' });
    const revisions = await requestAs(t, investigator, 'get', `/testimonies/${testimony.id}/revisions`);
    expect(JSON.stringify(revisions.body)).toContain('The witness corrected the date');
  }, 120_000);
});

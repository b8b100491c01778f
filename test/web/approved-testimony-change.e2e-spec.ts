import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { signInAt, testimonyToEdit } from './editor-fixtures.js';
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
  let testimony: { id: string; reference: string; version: number };

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    let lead: LoggedInUser;
    ({ lead, investigator, testimony } = await testimonyToEdit(t, 'Approved account', '승인된 증언.'));
    let version = testimony.version;
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
    await signInAt(page, `/app/testimonies/${testimony.reference}`, investigator);
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

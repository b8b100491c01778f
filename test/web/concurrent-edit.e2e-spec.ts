import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, startWebApp } from './browser.js';

/** Two browsers edit one testimony; the second save meets a 409 and no typed text is lost. */
describe('concurrent edits in two browsers', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let first: LoggedInUser;
  let second: LoggedInUser;
  let testimonyId: string;
  let testimonyRef: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    const lead = await createAndLogin(t, Role.Coordinator);
    first = await createAndLogin(t, Role.Investigator);
    second = await createAndLogin(t, Role.Investigator);
    const caseId = await createCase(t, lead, {
      members: [
        [first, CaseRole.Member],
        [second, CaseRole.Member],
      ],
    });
    const witness = await requestAs(t, first, 'post', '/witnesses', { caseId });
    const testimony = await requestAs(t, first, 'post', '/testimonies', {
      witnessId: witness.body.id,
      title: '증언',
      forum: 'confidential_interview',
      originalLanguage: 'ko',
      narrative: '처음 기록.',
    });
    testimonyId = testimony.body.id;
    testimonyRef = testimony.body.reference;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openEditor(user: LoggedInUser): Promise<Page> {
    const page = await (await newContext(browser, baseUrl, 'en')).newPage();
    await page.goto(`/app/testimonies/${testimonyRef}`);
    await page.getByLabel(en.login.email).fill(user.email);
    await page.getByLabel(en.login.password).fill(user.password);
    await page.getByRole('button', { name: en.login.submit }).click();
    await page.locator('textarea[name=narrative]').waitFor();
    return page;
  }

  it('shows both versions after a 409, keeps the text typed, and saves it on top when asked', async () => {
    const a = await openEditor(first);
    const b = await openEditor(second);
    const textA = '처음 기록. A가 덧붙인 문장.';
    const textB = '처음 기록. B가 같은 시각에 쓴 다른 문장.';

    await a.locator('textarea[name=narrative]').fill(textA);
    await a.getByRole('button', { name: en.common.save, exact: true }).click();
    await a.getByText(/Saved \(revision 2\)/).waitFor();

    await b.locator('textarea[name=narrative]').fill(textB);
    await b.getByRole('button', { name: en.common.save, exact: true }).click();
    await b.getByRole('heading', { name: en.editor.conflictTitle }).waitFor();
    expect(await b.getByTestId('conflict-mine').textContent()).toContain(textB);
    expect(await b.getByTestId('conflict-theirs').textContent()).toContain(textA);
    expect(await b.locator('textarea[name=narrative]').inputValue()).toBe(textB);
    await screenshot(b, 'conflict-en');

    await b.getByRole('button', { name: en.editor.keepMine }).click();
    await b.getByRole('button', { name: en.common.save, exact: true }).click();
    await b.getByText(/Saved \(revision 3\)/).waitFor();
    const saved = await requestAs(t, second, 'get', `/testimonies/${testimonyId}`);
    expect(saved.body.narrative).toBe(textB);
  }, 120_000);
});

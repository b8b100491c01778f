import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { signInAt, testimonyToEdit } from './editor-fixtures.js';
import { launchBrowser, newContext, screenshot, seriousViolations, selectText, startWebApp } from './browser.js';

const PHRASE = '매일 강제노동을 했습니다';
const NARRATIVE = `요덕에서 ${PHRASE}. 겨울에도 ${PHRASE}.`;

/**
 * Tagging a passage whose words occur more than once: the picker sends the quote, the API's 409
 * lists the occurrences, and the user picks one (the one they selected is chosen to start with).
 */
describe('tagging words that occur more than once', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let investigator: LoggedInUser;
  let testimony: { id: string; reference: string };

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    ({ investigator, testimony } = await testimonyToEdit(t, 'Repeated words', NARRATIVE));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets the user pick the occurrence from the candidates the API lists', async () => {
    const page = await (await newContext(browser, baseUrl, 'en')).newPage();
    await signInAt(page, `/app/testimonies/${testimony.reference}`, investigator);
    await page.locator('[data-testid=tagging-text]').waitFor();

    await selectText(page, '[data-testid=tagging-text]', PHRASE, 1);
    await page.getByRole('button', { name: en.editor.tagSelection }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(en.tagPicker.find).fill('강제노동');
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: en.tagPicker.save }).click();

    const occurrences = dialog.getByTestId('occurrences');
    await occurrences.waitFor();
    expect(await occurrences.getByRole('radio').count()).toBe(2);
    // The occurrence the user selected is the one chosen to start with.
    expect(await occurrences.getByRole('radio').nth(1).isChecked()).toBe(true);
    await screenshot(page, 'tag-occurrences-en');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: en.tagPicker.save }).click();
    await page.locator('[data-testid=tagging-text] mark').waitFor();

    const tags = await requestAs(t, investigator, 'get', `/testimonies/${testimony.id}/tags`);
    expect(tags.body.map((tag: { range: { start: number } }) => tag.range.start)).toEqual([
      NARRATIVE.lastIndexOf(PHRASE),
    ]);
  }, 120_000);
});

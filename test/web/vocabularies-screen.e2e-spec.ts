import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { Role } from '@sillok/auth';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';

const LOCALES = { ko, en, ja } as const;

/**
 * The vocabularies screen as an administrator uses it (issue 17): add a local facility with its
 * names in three languages and its spellings, find it by an alias through the API, edit its
 * aliases, deprecate it with a reason; in ko, en and ja with a screenshot each and axe-core.
 */
describe('the vocabularies screen in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let admin: LoggedInUser;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    admin = await createAndLogin(t, Role.Admin, { displayName: 'Admin' });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function facilities(locale: keyof typeof LOCALES) {
    const context = await newContext(browser, baseUrl, locale);
    const page = await context.newPage();
    const messages = LOCALES[locale];
    await page.goto('/app');
    await page.getByLabel(messages.login.email).fill(admin.email);
    await page.getByLabel(messages.login.password).fill(admin.password);
    await page.getByRole('button', { name: messages.login.submit }).click();
    await page.getByRole('link', { name: messages.nav.vocabularies }).click();
    // Schemes are named in the UI language (the code is the button's title).
    await page.getByRole('button', { name: `${messages.administration.schemes.facility} (`, exact: false }).click();
    await page.getByTestId('term').first().waitFor();
    return { context, page, messages };
  }

  it('adds a facility with Korean, English and Japanese names and aliases, edits the aliases, and deprecates it', async () => {
    const { context, page, messages } = await facilities('ko');
    try {
      await page.getByLabel(messages.vocabularies.code).fill('LOCAL-99');
      await page.getByLabel(messages.vocabularies.labelEn).fill('Kwanliso No. 99 (test)');
      await page.getByLabel(messages.vocabularies.labelKo).fill('제99호 관리소');
      await page.getByLabel(messages.vocabularies.labelJa).fill('第99号管理所');
      await page.getByLabel(messages.vocabularies.aliasesHint).fill('Camp 99, 99호 수용소');
      await page.getByRole('button', { name: messages.common.add, exact: true }).click();
      const added = page.getByTestId('term').filter({ hasText: 'LOCAL-99' });
      await added.getByText('LOCAL-99 제99호 관리소').waitFor();

      const found = await requestAs(t, admin, 'get', '/taxonomy/lookup?q=99호 수용소&scheme=facility');
      expect(found.body.matches[0].term).toMatchObject({ code: 'LOCAL-99', labelKo: '제99호 관리소' });

      await added
        .getByRole('button', { name: messages.vocabularies.editAliases.replace('{name}', '제99호 관리소') })
        .click();
      await page
        .getByLabel(messages.vocabularies.aliasesOf.replace('{name}', '제99호 관리소'))
        .fill('Camp 99\nYoduk-99');
      await page.getByRole('button', { name: messages.common.save }).click();
      await added.getByText('Camp 99, Yoduk-99', { exact: false }).first().waitFor();

      await added
        .getByRole('button', { name: messages.vocabularies.deprecate.replace('{name}', '제99호 관리소') })
        .click();
      await page.getByLabel(messages.vocabularies.reasonFor.replace('{name}', '제99호 관리소')).fill('중복 등록');
      await page.getByRole('button', { name: messages.vocabularies.confirmDeprecate, exact: true }).click();
      await added.getByText(`${messages.vocabularies.deprecated}: 중복 등록`, { exact: false }).first().waitFor();
      const term = await requestAs(t, admin, 'get', `/taxonomy/terms/${found.body.matches[0].term.id}`);
      expect(term.body).toMatchObject({ status: 'deprecated', aliases: ['Camp 99', 'Yoduk-99'] });
    } finally {
      await context.close();
    }
  }, 120_000);

  it.each(Object.keys(LOCALES) as Array<keyof typeof LOCALES>)(
    'shows the facility vocabulary in %s without serious accessibility violations',
    async (locale) => {
      const { context, page } = await facilities(locale);
      try {
        await screenshot(page, `vocabularies-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});

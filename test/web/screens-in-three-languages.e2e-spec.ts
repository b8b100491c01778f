import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';

const LOCALES = { ko, en, ja } as const;
const NARRATIVE = '수용소에서는 매일 새벽부터 밤까지 강제노동을 했습니다. 보위부 요원들이 가족을 데려갔습니다.';

/**
 * Every screen in Korean, English and Japanese, filled with a case, a witness and a tagged
 * testimony made through the API: a screenshot of each (test-artifacts/web/<screen>-<locale>.png)
 * and axe-core with no serious or critical violation.
 */
describe('every screen in ko, en and ja', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let admin: LoggedInUser;
  let coordinator: LoggedInUser;
  let caseId: string;
  let testimonyId: string;
  /** The screens' URLs name the case and the testimony by reference. */
  let caseRef: string;
  let testimonyRef: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    admin = await createAndLogin(t, Role.Admin, { displayName: 'Admin' });
    coordinator = await createAndLogin(t, Role.Coordinator, { displayName: '박서연' });
    const investigator = await createAndLogin(t, Role.Investigator, { displayName: '김민지' });
    caseId = await createCase(t, coordinator, {
      title: '요덕 수용소 증언',
      members: [[investigator, CaseRole.Member]],
    });
    const witness = await requestAs(t, investigator, 'post', '/witnesses', {
      caseId,
      sex: 'female',
      birthYear: 1975,
      languages: ['ko'],
    });
    const testimony = await requestAs(t, investigator, 'post', '/testimonies', {
      witnessId: witness.body.id,
      title: '요덕 제15호 관리소 구금 증언',
      forum: 'confidential_interview',
      originalLanguage: 'ko',
      interviewDate: '2026-03-14',
      narrative: NARRATIVE,
      translations: [{ language: 'en', text: 'In the camp we did forced labour every day from dawn until night.' }],
    });
    testimonyId = testimony.body.id;
    testimonyRef = testimony.body.reference;
    caseRef = (await requestAs(t, coordinator, 'get', `/cases/${caseId}`)).body.reference;
    const [e5] = (await requestAs(t, investigator, 'get', '/taxonomy/lookup?q=E.5&scheme=coi-violation')).body.matches;
    const quote = '매일 새벽부터 밤까지 강제노동을 했습니다';
    const start = NARRATIVE.indexOf(quote);
    await requestAs(t, investigator, 'post', `/testimonies/${testimonyId}/tags`, {
      kind: 'tag',
      start,
      end: start + quote.length,
      quote,
      violationTermIds: [e5.term.id],
    });
    const submitted = await requestAs(t, investigator, 'post', `/testimonies/${testimonyId}/status`, {
      action: 'submit',
      version: testimony.body.version,
    });
    if (submitted.status !== 201) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(Object.keys(LOCALES) as Array<keyof typeof LOCALES>)(
    'shows each screen in %s without serious accessibility violations',
    async (locale) => {
      const messages = LOCALES[locale];
      const violations: string[] = [];
      const context = await newContext(browser, baseUrl, locale);
      const page = await context.newPage();
      const check = async (screen: string, ready: () => Promise<unknown>) => {
        await ready();
        await screenshot(page, `${screen}-${locale}`);
        violations.push(...(await seriousViolations(page)).map((v) => `${screen}: ${v}`));
      };
      const signIn = async (user: LoggedInUser) => {
        await page.goto('/app');
        await page.getByLabel(messages.login.email).fill(user.email);
        await page.getByLabel(messages.login.password).fill(user.password);
        await page.getByRole('button', { name: messages.login.submit }).click();
      };

      await page.goto('/app');
      await check('login', () => page.getByRole('heading', { name: messages.login.title }).waitFor());
      await signIn(coordinator);
      await check('cases', () => page.getByRole('link', { name: /^CASE-/ }).waitFor());
      await page.goto(`/app/cases/${caseRef}`);
      await check('case', () => page.getByRole('cell', { name: '김민지', exact: true }).waitFor());
      await page.goto(`/app/cases/${caseRef}/witnesses`);
      await check('witnesses', () => page.locator('.record-title').first().waitFor());
      await page.goto(`/app/cases/${caseRef}/testimonies`);
      await check('testimonies', () => page.getByRole('link', { name: /^T-/ }).waitFor());
      await page.goto(`/app/testimonies/${testimonyRef}`);
      await check('editor', () => page.locator('[data-testid=tagging-text] mark').waitFor());
      await page.goto('/app/review');
      await check('review', () => page.getByRole('button', { name: messages.review.approve }).waitFor());
      await page.goto(`/app/cases/${caseRef}/export`);
      await check('export', () => page.getByText(messages.exports.empty).waitFor());
      await page.getByRole('button', { name: messages.nav.signOut }).click();
      await page.getByRole('heading', { name: messages.login.title }).waitFor();

      await signIn(admin);
      await check('users', () => page.getByRole('heading', { name: messages.users.title }).waitFor());
      await context.close();
      expect(violations).toEqual([]);
    },
    120_000,
  );
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { Role } from '@sillok/auth';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';

const LOCALES = { ko, en, ja } as const;
const REASON = '유엔 조사위원회 제출 준비';

/**
 * The audit screen as an auditor uses it (issue 17): the event stream, identity reads with their
 * reasons one click away, filters kept in the URL, and the hash chain verified on demand; in ko, en
 * and ja with a screenshot each and no serious accessibility violation.
 */
describe('the audit screen in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let auditor: LoggedInUser;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    auditor = await createAndLogin(t, Role.Auditor, { displayName: 'Auditor' });
    const coordinator = await createAndLogin(t, Role.Coordinator, { displayName: '박서연' });
    const caseId = await createCase(t, coordinator, { title: '요덕 수용소 증언', members: [] });
    const witness = await requestAs(t, coordinator, 'post', '/witnesses', { caseId, languages: ['ko'] });
    await requestAs(t, coordinator, 'put', `/witnesses/${witness.body.id}/identity`, { legalName: '김영희' }).expect(
      200,
    );
    await requestAs(t, coordinator, 'post', `/witnesses/${witness.body.id}/identity/read`, { reason: REASON }).expect(
      201,
    );
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(locale: keyof typeof LOCALES) {
    const context = await newContext(browser, baseUrl, locale);
    const page = await context.newPage();
    const messages = LOCALES[locale];
    await page.goto('/app');
    await page.getByLabel(messages.login.email).fill(auditor.email);
    await page.getByLabel(messages.login.password).fill(auditor.password);
    await page.getByRole('button', { name: messages.login.submit }).click();
    return { context, page, messages };
  }

  it('lands an auditor on the audit trail, finds the identity read with its reason, keeps the filter in the URL, and verifies the chain', async () => {
    const { context, page, messages } = await signedIn('ko');
    try {
      await page.getByRole('heading', { name: messages.audit.title, level: 1 }).waitFor();
      expect(page.url()).toContain('/app/audit');
      await page.getByTestId('audit-event').first().waitFor();

      await page.getByRole('button', { name: messages.audit.identityReads }).click();
      await page.waitForURL(/action=witness\.identity\.read/);
      const rows = page.getByTestId('audit-event');
      await rows.first().getByText(REASON).waitFor();
      expect(await rows.count()).toBe(1);
      await expect(rows.first().textContent()).resolves.toContain('witness.identity.read');

      // The filtered view survives a reload (it lives in the URL, and so can be shared).
      await page.reload();
      await page.getByTestId('audit-event').first().getByText(REASON).waitFor();
      expect(await page.getByTestId('audit-event').count()).toBe(1);

      await page.getByRole('button', { name: messages.audit.verify }).click();
      const status = page.getByTestId('audit-chain-status');
      await status.getByText(messages.audit.chainOk.split('{count}')[0].trim()).waitFor();
      // The verification is itself recorded, and shows once the filter is cleared.
      await page.getByRole('button', { name: messages.audit.clear }).click();
      await page.getByTestId('audit-event').filter({ hasText: 'audit.verify' }).first().waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it.each(Object.keys(LOCALES) as Array<keyof typeof LOCALES>)(
    'shows the audit screen in %s without serious accessibility violations',
    async (locale) => {
      const { context, page, messages } = await signedIn(locale);
      try {
        await page.getByRole('heading', { name: messages.audit.title, level: 1 }).waitFor();
        await page.getByTestId('audit-event').first().waitFor();
        await screenshot(page, `audit-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});

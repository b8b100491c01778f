import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { Role } from '@sillok/auth';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { createUser, type FixtureUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, startWebApp } from './browser.js';

/**
 * Idle sign-out on the browser's clock (Playwright's fake timers): the warning one minute
 * before BROWSER_IDLE_TIMEOUT_MINUTES (30 by default), sign-out at it, nothing left in storage.
 */
describe('idle sign-out', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let user: FixtureUser;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    user = await createUser(t, Role.Coordinator);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('warns a minute before the idle limit, keeps the session on request, then signs out', async () => {
    const context = await newContext(browser, baseUrl, 'en');
    const page = await context.newPage();
    await page.clock.install();
    await page.goto('/app');
    await page.getByLabel(en.login.email).fill(user.email);
    await page.getByLabel(en.login.password).fill(user.password);
    await page.getByRole('button', { name: en.login.submit }).click();
    await page.getByRole('heading', { name: en.cases.title }).waitFor();

    await page.clock.runFor('29:10');
    await page.getByRole('alertdialog').getByText(en.idle.warning).waitFor();
    await page.getByRole('button', { name: en.idle.stay }).click();
    await page.clock.runFor('20:00');
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await page.clock.runFor('10:10');
    await page.getByRole('heading', { name: en.login.title }).waitFor();
    // Only the language choice is stored by the page; the refresh cookie is gone with the session.
    expect(await page.evaluate('Object.keys(localStorage)')).toEqual(['sillok.locale']);
    expect((await context.cookies()).filter((c) => c.name === 'sillok_refresh')).toEqual([]);
    await context.close();
  }, 120_000);
});

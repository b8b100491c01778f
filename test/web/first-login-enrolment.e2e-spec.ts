import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsQRModule from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@sillok/auth';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { createUser, type FixtureUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { codeFor, freezeDateMidTotpStep } from '../support/totp-fixtures.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';

/**
 * The QR code the page drew, read back: the <svg>'s one <path> of unit squares is painted into
 * an RGBA image (4 pixels a module) and decoded with jsQR, so the test reads what a phone would.
 */
async function decodeQr(page: Page): Promise<string | undefined> {
  const svg = page.getByRole('img', { name: en.mfa.qrLabel });
  const modules = Number(await svg.getAttribute('data-modules'));
  const d = (await svg.locator('path').getAttribute('d')) ?? '';
  const scale = 4;
  const width = modules * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)/g))
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
  return jsQRModule.default(pixels, width, width)?.data;
}

/** A role that must have a second factor signs in for the first time: the browser walks it through enrolment. */
describe('second factor enrolment at first login, with a QR code drawn in the page', () => {
  freezeDateMidTotpStep();
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let user: FixtureUser;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp({ env: { MFA_REQUIRED_ROLES: 'investigator' } }));
    browser = await launchBrowser();
    user = await createUser(t, Role.Investigator);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the QR code (which reads back as the otpauth link) and the key, confirms the first code, shows the recovery codes once, then signs in', async () => {
    const context = await newContext(browser, baseUrl, 'en');
    const page = await context.newPage();
    await page.goto('/app');
    await page.getByLabel(en.login.email).fill(user.email);
    await page.getByLabel(en.login.password).fill(user.password);
    await page.getByRole('button', { name: en.login.submit }).click();

    await page.getByText(en.login.enrolmentNeeded).waitFor();
    const qr = page.getByRole('img', { name: en.mfa.qrLabel });
    await qr.waitFor();
    const link = await page.getByRole('link', { name: en.mfa.openApp }).getAttribute('href');
    expect(link).toMatch(/^otpauth:\/\/totp\//);
    expect(await decodeQr(page)).toBe(link);
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(new URL(link!).searchParams.get('secret')).toBe(secret);
    await screenshot(page, 'login-enrolment-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(en.mfa.code).fill('000000');
    await page.getByRole('button', { name: en.mfa.confirm }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel(en.mfa.code).fill(await codeFor(secret));
    await page.getByRole('button', { name: en.mfa.confirm }).click();

    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    // No session before the codes are put away: nothing else of the app is shown yet.
    expect(await page.getByRole('heading', { name: en.cases.title }).count()).toBe(0);
    await page.getByRole('button', { name: en.mfa.stored }).click();
    await page.getByRole('heading', { name: en.cases.title }).waitFor();
    expect((await context.cookies()).some((c) => c.name === 'sillok_refresh' && c.httpOnly)).toBe(true);

    // The factor is on: the next sign-in asks for a code.
    await page.getByRole('button', { name: en.nav.signOut }).click();
    await page.getByLabel(en.login.email).fill(user.email);
    await page.getByLabel(en.login.password).fill(user.password);
    await page.getByRole('button', { name: en.login.submit }).click();
    await page.getByRole('heading', { name: en.login.mfaTitle }).waitFor();
    await context.close();
  }, 120_000);
});

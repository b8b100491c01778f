import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';
import { testimonyToEdit } from './editor-fixtures.js';

const LOCALES = { ko, en, ja } as const;
const NARRATIVE = '1997년 봄 요덕 수용소에 끌려갔습니다. 수용소에서는 매일 강제노동을 했습니다.';

/**
 * Issue 17, screen 4: the map of the Korean peninsula (Natural Earth boundaries shipped in the
 * bundle) with the facilities that have coordinates; clicking Yodok (kwanliso No. 15) shows its
 * names, how precise its point is, and the testimony and incident of the case recorded there, and a
 * link to the search for every testimony at that facility.
 */
describe('the facility map in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let investigator: LoggedInUser;
  let testimony: { id: string; reference: string };
  let incidentReference = '';
  let yodok = '';

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    ({ investigator, testimony } = await testimonyToEdit(t, '요덕 수용소 증언', NARRATIVE));
    const found = await requestAs(t, investigator, 'get', '/taxonomy/lookup?q=Yodok&scheme=facility').expect(200);
    yodok = found.body.matches[0].term.id as string;
    await requestAs(t, investigator, 'post', `/testimonies/${testimony.id}/tags`, {
      quote: '요덕 수용소',
      facilityTermId: yodok,
    }).expect(201);
    const caseId = (await requestAs(t, investigator, 'get', `/testimonies/${testimony.id}`).expect(200)).body.caseId;
    const incident = await requestAs(t, investigator, 'post', '/incidents', {
      caseId,
      title: 'Forced labour at Yodok, 1997',
      facilityTermId: yodok,
    }).expect(201);
    incidentReference = incident.body.reference;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(Object.keys(LOCALES) as Array<keyof typeof LOCALES>)(
    'opens the map in %s, clicks Yodok, and sees its names, testimony and incident',
    async (locale) => {
      const messages = LOCALES[locale];
      const context = await newContext(browser, baseUrl, locale);
      const page = await context.newPage();
      try {
        await page.goto('/app/cases');
        await page.getByLabel(messages.login.email).fill(investigator.email);
        await page.getByLabel(messages.login.password).fill(investigator.password);
        await page.getByRole('button', { name: messages.login.submit }).click();
        await page.getByRole('link', { name: messages.records.map }).click();
        const map = page.getByTestId('facility-map');
        await map.waitFor();
        // The peninsula is drawn (both Koreas), and every seeded camp is a marker.
        expect(await map.locator('path.korea').count()).toBe(2);
        expect(await map.locator('g.marker').count()).toBeGreaterThanOrEqual(9);
        await map.locator('g.marker[data-code="kwanliso-15"]').click();
        const panel = page.getByTestId('facility-panel');
        await panel.getByText('Camp 15', { exact: false }).first().waitFor();
        await panel.getByTestId('facility-testimonies').getByRole('link', { name: testimony.reference }).waitFor();
        await panel.getByTestId('facility-incidents').getByRole('link', { name: incidentReference }).waitFor();
        await expect(panel.textContent()).resolves.toContain(messages.records.precisionOfPoint.county);
        await screenshot(page, `map-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
        // All testimonies at Yodok: the search screen, filtered by the facility in its own URL parameters.
        const all = panel.getByRole('link', { name: messages.polish.allTestimoniesAtFacility });
        await expect(all.getAttribute('href')).resolves.toBe(`/app/search?kind=testimony&facility=${yodok}`);
        await all.click();
        await page.getByTestId('search-hit').getByRole('link', { name: '요덕 수용소 증언' }).waitFor();
        expect(await page.getByTestId('search-hit').count()).toBe(1);
        await page.goBack();
        await map.locator('g.marker[data-code="kwanliso-15"]').click();
        await panel.getByRole('link', { name: incidentReference }).click();
        await page.getByRole('heading', { name: 'Forced labour at Yodok, 1997', level: 1 }).waitFor();
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { termIds } from '../support/testimony-fixtures.js';
import { launchBrowser, newContext, screenshot, seriousViolations, startWebApp } from './browser.js';

const LOCALES = { ko, en, ja } as const;
type Locale = keyof typeof LOCALES;
const FAMILY = '김순옥';
const T1_TEXT = `요덕 수용소에서 보위부원에게 고문을 당했습니다. 어머니 ${FAMILY}도 함께 끌려왔습니다.`;
const T2_TEXT = 'Camp 15 에서 신문 중에 고문을 당했고 강제노동을 했습니다.';
const T3_TEXT = '요덕 근처 마을에서 살았습니다.';
const T4_TEXT = '개천 수용소에서 굶주렸다는 이야기를 들었습니다.';

/**
 * Search, patterns and the corroboration matrix in a browser (issue 17): journeys (e) an analyst
 * searches in Korean for a camp by an alias, filters by violation and decade, and opens a hit; (f) a
 * coordinator opens patterns and the corroboration matrix and downloads the CSV; and every screen in
 * ko, en and ja without serious accessibility violations.
 */
describe('search, patterns and corroboration in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let coordinator: LoggedInUser;
  let analyst: LoggedInUser;
  let caseRef: string;
  const refs: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let terms: Record<string, string>;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    coordinator = await createAndLogin(t, Role.Coordinator, { displayName: '박서연' });
    analyst = await createAndLogin(t, Role.Analyst, { displayName: '이분석' });
    const investigator = await createAndLogin(t, Role.Investigator, { displayName: '정조사' });
    const caseId = await createCase(t, coordinator, {
      title: '요덕 수용소 증언',
      members: [
        [investigator, CaseRole.Member],
        [analyst, CaseRole.Viewer],
      ],
    });
    caseRef = (await requestAs(t, coordinator, 'get', `/cases/${caseId}`)).body.reference;
    terms = await termIds(t, [
      ['torture', 'coi-violation', 'E.2'],
      ['labour', 'coi-violation', 'E.5'],
      ['starvation', 'coi-violation', 'D.1'],
      ['yodok', 'facility', 'kwanliso-15'],
      ['kaechon', 'facility', 'kwanliso-14'],
      ['victim', 'source-connection', 'victim'],
      ['eyewitness', 'source-connection', 'eyewitness'],
      ['hearsay', 'source-connection', 'hearsay'],
      ['reliable', 'reliability', 'reliable'],
    ]);
    const as = (path: string, body: object) => requestAs(t, investigator, 'post', path, body);
    const testimony = async (key: string, witness: object, narrative: string) => {
      const w = await as('/witnesses', { caseId, languages: ['ko'], ...witness });
      const created = await as('/testimonies', {
        witnessId: w.body.id,
        title: `${key} 증언`,
        forum: 'confidential_interview',
        originalLanguage: 'ko',
        narrative,
      });
      expect(created.status).toBe(201);
      ids[key] = created.body.id;
      refs[key] = created.body.reference;
    };
    const tag = async (key: string, body: object) =>
      expect((await as(`/testimonies/${ids[key]}/tags`, body)).status).toBe(201);
    await testimony('t1', { sex: 'female', birthYear: 1972 }, T1_TEXT);
    await testimony('t2', { sex: 'male', birthYear: 1985 }, T2_TEXT);
    await testimony('t3', { sex: 'female', birthYear: 1975 }, T3_TEXT);
    await testimony('t4', { sex: 'male', birthYear: 1960 }, T4_TEXT);
    const yodok = { facilityTermId: terms.yodok };
    await tag('t1', {
      violationTermIds: [terms.torture],
      ...yodok,
      dateFrom: '1997-01-01',
      dateTo: '1997-12-31',
      datePrecision: 'circa',
    });
    const familyAt = T1_TEXT.indexOf(FAMILY);
    await tag('t1', {
      kind: 'sensitive',
      sensitiveCategory: 'family_name',
      start: familyAt,
      end: familyAt + FAMILY.length,
      quote: FAMILY,
    });
    await tag('t2', {
      violationTermIds: [terms.torture, terms.labour],
      ...yodok,
      dateFrom: '2005-03-01',
      dateTo: '2005-03-31',
      datePrecision: 'month',
    });
    await tag('t4', {
      violationTermIds: [terms.starvation],
      facilityTermId: terms.kaechon,
      dateFrom: '1999-01-01',
      dateTo: '1999-12-31',
      datePrecision: 'year',
    });
    const incident = async (body: object) => (await as('/incidents', { caseId, ...body })).body.id as string;
    const beatings = await incident({ title: '요덕 구타', facilityTermId: terms.yodok });
    const hunger = await incident({ title: '개천 기아' });
    const source = (incidentId: string, key: string, connection: string) =>
      as(`/incidents/${incidentId}/sources`, {
        testimonyId: ids[key],
        sourceConnectionTermId: terms[connection],
        reliabilityTermId: terms.reliable,
      });
    await source(beatings, 't1', 'victim');
    await source(beatings, 't2', 'eyewitness');
    await source(hunger, 't4', 'hearsay');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(user: LoggedInUser, locale: Locale) {
    const context = await newContext(browser, baseUrl, locale);
    const page = await context.newPage();
    const messages = LOCALES[locale];
    await page.goto('/app');
    await page.getByLabel(messages.login.email).fill(user.email);
    await page.getByLabel(messages.login.password).fill(user.password);
    await page.getByRole('button', { name: messages.login.submit }).click();
    await page.getByRole('navigation', { name: messages.nav.main }).waitFor();
    return { context, page, messages };
  }
  const hits = (page: Page) => page.getByTestId('search-hit');
  const facetButton = (page: Page, facet: string, name: string) =>
    page.locator(`[data-facet="${facet}"]`).getByRole('button', { name });

  it('(e) an analyst finds a camp by its Korean alias, narrows by violation and decade, and opens the hit', async () => {
    const { context, page, messages } = await signedIn(analyst, 'ko');
    try {
      await page.getByRole('link', { name: messages.search.nav, exact: true }).click();
      await page.getByRole('heading', { name: messages.search.title, level: 1 }).waitFor();
      await page.getByLabel(messages.search.box).fill('요덕');
      // Typing searches by itself once it pauses (debounced), and the words go into the URL.
      await page.waitForURL(/q=%EC%9A%94%EB%8D%95/);
      await page.getByTestId('search-total').getByText('4').waitFor();
      // "Camp 15" in T2 is found by the alias 요덕, the Yodok incident too; T4 (Kaechon) is not.
      const found = await hits(page).locator('code').allTextContents();
      expect(found.sort()).toEqual(['I-000001', refs.t1, refs.t2, refs.t3].sort());
      // The sensitive family name comes masked, the match highlighted.
      const first = hits(page).filter({ hasText: refs.t1 });
      await expect(first.textContent()).resolves.not.toContain(FAMILY);
      expect(await first.getByRole('img', { name: messages.search.masked }).count()).toBe(1);
      expect(await first.locator('mark').first().textContent()).toBe('요덕');

      await facetButton(page, 'violation', '신문 중 고문과 비인도적 처우').click();
      await page.waitForURL(new RegExp(`violation=${terms.torture}`));
      await page.getByTestId('search-total').getByText('2').waitFor();
      await facetButton(page, 'witnessBirthDecade', '1970년대').click();
      await page.waitForURL(/birthDecade=1970/);
      await page.getByTestId('search-total').getByText('1').waitFor();
      expect(await hits(page).count()).toBe(1);

      // The link is the search: a reload (or a colleague) sees the same hit.
      await page.reload();
      await hits(page).first().waitFor();
      expect(await hits(page).locator('code').allTextContents()).toEqual([refs.t1]);
      await screenshot(page, 'search-journey-ko');

      await hits(page).getByRole('link', { name: 't1 증언' }).click();
      await page.waitForURL(new RegExp(`/app/testimonies/${refs.t1}$`));
      await page.getByText('보위부원에게').first().waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('(f) a coordinator reads patterns as a table, opens a cell in search, downloads the CSV, and reads the corroboration matrix', async () => {
    const { context, page, messages } = await signedIn(coordinator, 'en');
    try {
      await page.getByRole('link', { name: messages.search.patterns.nav, exact: true }).click();
      await page.getByRole('heading', { name: messages.search.patterns.title, level: 1 }).waitFor();
      await page.getByTestId('pattern-heatmap').waitFor();
      await page.getByRole('button', { name: messages.search.patterns.tableView }).click();
      const table = page.getByTestId('pattern-table');
      const torture = table.getByRole('row', { name: /Torture/ });
      // T1's circa 1997 is counted in 1997 and marked approximate; T2's March 2005 is exact.
      const cells = await torture.locator('td').allTextContents();
      expect(cells.filter(Boolean)).toEqual(['1 ~1', '1', '2']);
      const header = await table.locator('thead th').allTextContents();
      expect(header.slice(1, 3)).toEqual(['1997', '1998']);

      // The CSV is the same table, as the API writes it.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: messages.search.patterns.csv }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('patterns.csv');
      const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
      expect(csv[0]).toBe(
        'termId,termCode,termLabel,facilityId,facilityCode,facilityLabel,year,tags,testimonies,witnesses,approximate',
      );
      expect(csv).toContain(
        `${terms.torture},E.2,Torture and inhuman treatment during interrogation,${terms.yodok},kwanliso-15,Kwanliso No. 15 (Yodok),1997,1,1,1,1`,
      );
      expect(csv.filter((line) => line.includes(',D.1,'))).toEqual([
        `${terms.starvation},D.1,Deliberate starvation or denial of food,${terms.kaechon},kwanliso-14,Kwanliso No. 14 (Kaechon),1999,1,1,1,0`,
      ]);

      // A cell opens the testimonies behind it in search, with the same filters.
      await torture.getByRole('link', { name: /1997/ }).click();
      await page.waitForURL(new RegExp(`/app/search\\?.*violation=${terms.torture}.*dateFrom=1997-01-01`));
      await hits(page).first().waitFor();
      expect(await hits(page).locator('code').allTextContents()).toEqual([refs.t1]);

      await page.goto(`/app/cases/${caseRef}`);
      await page.getByRole('link', { name: messages.search.corroboration.nav }).click();
      await page.getByRole('heading', { name: messages.search.corroboration.title, level: 1 }).waitFor();
      const beatings = page.getByTestId('corroboration-incident').filter({ hasText: '요덕 구타' });
      await beatings.getByText(messages.search.corroboration.levels.corroborated).waitFor();
      expect(await beatings.locator('td').nth(1).textContent()).toBe('2');
      await page
        .getByTestId('corroboration-incident')
        .filter({ hasText: '개천 기아' })
        .getByText(messages.search.corroboration.levels.single_source)
        .waitFor();
      // A stricter rule, chosen on screen: three direct witnesses.
      await page.getByLabel(messages.search.corroboration.minDirect).fill('3');
      await beatings.getByText(messages.search.corroboration.levels.partly_corroborated).waitFor();
      expect(page.url()).toContain('minDirect=3');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('puts a case in the URL by its reference, and opens an incident hit by its reference', async () => {
    const { context, page, messages } = await signedIn(coordinator, 'en');
    try {
      await page.goto(`/app/cases/${caseRef}`);
      await page.locator(`a[href="/app/search?caseId=${caseRef}"]`).click();
      await page.getByTestId('search-total').waitFor();
      await expect(page.locator('[data-facet="case"] [aria-pressed="true"]').textContent()).resolves.toContain(caseRef);
      await page.getByRole('button', { name: messages.search.clear }).click();
      await page.getByLabel(messages.search.box).fill('요덕');
      await page.waitForURL(/q=%EC%9A%94%EB%8D%95$/);
      // The case facet, chosen, sets the case's reference too (the API counts by id).
      await facetButton(page, 'case', caseRef).click();
      await page.waitForURL(new RegExp(`caseId=${caseRef}`));
      await page.getByTestId('search-total').getByText('4').waitFor();
      await hits(page).getByRole('link', { name: '요덕 구타' }).click();
      await page.waitForURL(/\/app\/incidents\/I-000001$/);
      await page.getByRole('heading', { name: '요덕 구타', level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('hands the hits a coordinator selects to the export wizard, preselected', async () => {
    const { context, page, messages } = await signedIn(coordinator, 'en');
    try {
      await page.goto(`/app/search?q=${encodeURIComponent('요덕')}`);
      await hits(page).nth(2).waitFor();
      await page.getByLabel(`Select ${refs.t1}`).check();
      await page.getByLabel(`Select ${refs.t2}`).check();
      await page.getByRole('link', { name: `Export the 2 selected from ${caseRef}` }).click();
      await page.waitForURL(new RegExp(`/app/cases/${caseRef}/export\\?testimonies=`));
      const chosen = page.getByTestId('export-chosen');
      expect(await chosen.getByRole('checkbox', { checked: true }).count()).toBe(2);
      await chosen.getByLabel(refs.t1).waitFor();
      await page.getByLabel(messages.exports.profile).selectOption('internal');
      await page.getByLabel(messages.exports.recipient).fill('OHCHR Seoul');
      await page.getByRole('button', { name: messages.exports.start }).click();
      await page.getByRole('button', { name: messages.exports.download }).waitFor();
      const register = await requestAs(t, coordinator, 'get', `/cases/${caseRef}/exports`);
      expect([...register.body[0].selection.testimonyIds].sort()).toEqual([ids.t1, ids.t2].sort());
    } finally {
      await context.close();
    }
  }, 120_000);

  it.each(Object.keys(LOCALES) as Locale[])(
    'shows search, patterns and the corroboration matrix in %s without serious accessibility violations',
    async (locale) => {
      const { context, page, messages } = await signedIn(coordinator, locale);
      try {
        await page.goto(`/app/search?q=${encodeURIComponent('요덕')}`);
        await hits(page).nth(2).waitFor();
        await page.locator('[data-facet="facility"]').waitFor();
        await screenshot(page, `search-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);

        await page.goto('/app/patterns');
        await page.getByTestId('pattern-heatmap').locator('canvas').first().waitFor();
        await screenshot(page, `patterns-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: messages.search.patterns.series }).click();
        await page.getByTestId('pattern-series').locator('canvas').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: messages.search.patterns.tableView }).click();
        await page.getByTestId('pattern-table').waitFor();
        expect(await seriousViolations(page)).toEqual([]);

        await page.goto(`/app/cases/${caseRef}/corroboration`);
        await page.getByTestId('corroboration-incident').first().waitFor();
        await screenshot(page, `corroboration-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});

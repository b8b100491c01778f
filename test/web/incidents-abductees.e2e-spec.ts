import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';
import { addSource, createAbductee, createIncident } from '../support/incident-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, tagPassage } from '../support/testimony-fixtures.js';
import { launchBrowser, newContext, screenshot, seriousViolations, selectText, startWebApp } from './browser.js';
import { testimonyToEdit } from './editor-fixtures.js';

const LOCALES = { ko, en, ja } as const;
const NARRATIVE =
  '1978년 여름 바닷가에서 일본인 여성을 보았습니다. 보위부 요원들이 그녀를 배에 태워 데려갔습니다. ' +
  '1986년에 평양 초대소에서 그녀를 다시 보았습니다.';
const PASSAGE = '보위부 요원들이 그녀를 배에 태워 데려갔습니다';
const SECRET_NAME = '요코타 메구미';
const REASON = '일본 정부 조회 요청에 답변';
/** The incident as the first test records it on the screen, for the tests that need one already there. */
const INCIDENT = {
  title: 'Abduction by boat from the coast, 1978',
  placeText: 'Niigata coast',
  dateFrom: '1978-07-01',
  dateTo: '1978-08-31',
  datePrecision: 'month',
};

/**
 * Issue 17, screen 5, in Chromium against the real API and PostgreSQL: an investigator records an
 * incident, links a passage of a testimony to it as a direct source from the editor, registers an
 * abductee with a sealed name, case numbers and a last-seen chain, and reads the name with a
 * reason (audited). Then every screen in ko, en and ja, with a screenshot and axe-core.
 */
describe('incidents and abductees in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let investigator: LoggedInUser;
  let testimony: { id: string; reference: string };
  let caseId: string;
  let caseRef: string;
  const terms: Record<string, string> = {};
  /** What the screens of the accessibility tests show, made through the API (each test makes its own). */
  let shown: { incidentRef: string; abducteeRef: string };

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    ({ investigator, testimony } = await testimonyToEdit(t, '해안 납치 목격', NARRATIVE));
    caseId = (await requestAs(t, investigator, 'get', `/testimonies/${testimony.id}`).expect(200)).body.caseId;
    caseRef = (await requestAs(t, investigator, 'get', `/cases/${caseId}`).expect(200)).body.reference;
    for (const scheme of ['source-connection', 'reliability', 'abduction-category', 'abductee-status']) {
      const tree = (await requestAs(t, investigator, 'get', `/taxonomy/${scheme}`).expect(200)).body as Array<{
        id: string;
        code: string;
      }>;
      for (const term of tree) terms[`${scheme}:${term.code}`] = term.id;
    }
    // On a testimony of their own: the first test tags the passage of `testimony` on the screen.
    const other = await createTestimony(t, investigator, await createWitness(t, investigator, caseId), NARRATIVE);
    const incident = await incidentWithPassage(other.id);
    const abductee = await createAbductee(t, investigator, caseId, {
      name: SECRET_NAME,
      nameAtRisk: true,
      abductedFrom: INCIDENT.dateFrom,
      abductedTo: INCIDENT.dateTo,
      abductionDatePrecision: 'month',
      lastSeenDate: '1986-06-01',
      lastSeenDatePrecision: 'year',
      lastSeenPlace: '평양 초대소',
      incidentIds: [incident.id],
    });
    shown = { incidentRef: incident.reference, abducteeRef: await referenceOf(`/abductees/${abductee.id}`) };
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The incident of INCIDENT with the passage of `testimonyId` tagged and linked as an eyewitness source. */
  async function incidentWithPassage(testimonyId: string): Promise<{ id: string; reference: string }> {
    const incident = await createIncident<{ id: string; reference: string }>(t, investigator, caseId, INCIDENT);
    const tag = await tagPassage(t, investigator, testimonyId, { kind: 'tag', quote: PASSAGE });
    await addSource(t, investigator, incident.id, {
      testimonyId,
      annotationId: tag.id,
      sourceConnectionTermId: terms['source-connection:eyewitness'],
      reliabilityTermId: terms['reliability:reliable'],
    });
    return incident;
  }
  const referenceOf = async (path: string): Promise<string> =>
    (await requestAs(t, investigator, 'get', path).expect(200)).body.reference;

  async function signedIn(
    locale: keyof typeof LOCALES,
    path: string,
  ): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newContext(browser, baseUrl, locale);
    const page = await context.newPage();
    const messages = LOCALES[locale];
    await page.goto(path);
    await page.getByLabel(messages.login.email).fill(investigator.email);
    await page.getByLabel(messages.login.password).fill(investigator.password);
    await page.getByRole('button', { name: messages.login.submit }).click();
    return { page, close: () => context.close() };
  }

  it('records an incident and links a passage of a testimony to it as a direct source', async () => {
    const m = en.records;
    const { page, close } = await signedIn('en', `/app/cases/${caseRef}`);
    try {
      await page.getByRole('link', { name: m.incidents }).click();
      await page.getByRole('heading', { name: m.incidents, level: 1 }).waitFor();
      const form = page.getByRole('form', { name: m.newIncident });
      await form.getByLabel(m.title, { exact: true }).fill('Abduction by boat from the coast, 1978');
      await form.getByLabel(m.place, { exact: true }).fill('Niigata coast');
      await form.getByLabel(m.dateFrom, { exact: true }).fill('1978-07-01');
      await form.getByLabel(m.dateTo, { exact: true }).fill('1978-08-31');
      await form.getByLabel(m.datePrecision, { exact: true }).selectOption('month');
      await form.getByRole('button', { name: en.common.save }).click();
      await page.getByRole('heading', { name: 'Abduction by boat from the coast, 1978', level: 1 }).waitFor();
      const incidentRef = page.url().split('/').pop() ?? '';
      expect(incidentRef).toMatch(/^I-\d{6}$/);
      const incidentId = (await requestAs(t, investigator, 'get', `/incidents/${incidentRef}`).expect(200)).body.id;
      await page.getByText(m.noSources).waitFor();

      // The editor: select the passage, "link this passage", choose the incident, direct, reliable.
      await page.goto(`/app/testimonies/${testimony.reference}`);
      await page.getByTestId('tagging-text').waitFor();
      await selectText(page, '[data-testid=tagging-text]', PASSAGE);
      await page.getByRole('button', { name: m.linkPassage }).click();
      const dialog = page.getByRole('dialog', { name: m.linkPassage });
      await dialog.getByText(PASSAGE).waitFor();
      await dialog.getByLabel(m.incident, { exact: true }).selectOption(incidentId);
      await dialog.getByLabel(m.connection, { exact: true }).selectOption(terms['source-connection:eyewitness']);
      await dialog.getByLabel(m.reliability, { exact: true }).selectOption(terms['reliability:reliable']);
      await dialog.getByRole('button', { name: m.linkPassage }).click();
      await page.getByRole('status').filter({ hasText: m.linkedTo }).waitFor();
      // The passage is a tag of the testimony now (highlighted), and the incident's source points at it.
      await page.locator('[data-testid=tagging-text] mark').filter({ hasText: PASSAGE }).waitFor();
      await page.getByRole('status').filter({ hasText: m.linkedTo }).getByRole('link').click();
      const source = page.getByTestId('incident-source');
      await source.getByTestId('source-passage').getByText(PASSAGE).waitFor();
      await expect(source.textContent()).resolves.toContain(testimony.reference);

      const stored = await requestAs(t, investigator, 'get', `/incidents/${incidentId}`).expect(200);
      expect(stored.body.sources).toHaveLength(1);
      expect(stored.body.sources[0]).toMatchObject({
        testimonyId: testimony.id,
        sourceConnectionTermId: terms['source-connection:eyewitness'],
      });
      expect(stored.body.sources[0].annotationId).toEqual(expect.any(String));
      await screenshot(page, 'incident-with-source-en');
    } finally {
      await close();
    }
  }, 120_000);

  it('registers an abductee with case numbers and a last-seen chain, and reads the sealed name with a reason', async () => {
    const m = ko.records;
    const incident = await createIncident<{ id: string; reference: string }>(t, investigator, caseId, INCIDENT);
    const { page, close } = await signedIn('ko', `/app/cases/${caseRef}/abductees`);
    try {
      await page.getByRole('heading', { name: m.abductees, level: 1 }).waitFor();
      const form = page.getByRole('form', { name: m.newAbductee });
      await form.getByLabel(m.name, { exact: true }).fill(SECRET_NAME);
      await form.getByLabel(m.nameAtRisk, { exact: true }).check();
      await form.getByLabel(m.nationality, { exact: true }).fill('JP');
      const abduction = form.getByRole('group', { name: m.abduction, exact: true });
      await abduction.getByLabel(m.dateFrom, { exact: true }).fill('1978-07-01');
      await abduction.getByLabel(m.dateTo, { exact: true }).fill('1978-08-31');
      await abduction.getByLabel(m.datePrecision, { exact: true }).selectOption('month');
      await form.getByLabel(m.abductionPlace, { exact: true }).fill('니가타 해안');
      const lastSeen = form.getByRole('group', { name: m.lastSeen, exact: true });
      await lastSeen.getByLabel(m.date, { exact: true }).fill('1986-06-01');
      await lastSeen.getByLabel(m.datePrecision, { exact: true }).selectOption('year');
      await form.getByLabel(m.lastSeenPlace, { exact: true }).fill('평양 초대소');
      await form.getByLabel(m.lastSeenSource, { exact: true }).fill(testimony.reference);
      await form.getByRole('button', { name: m.addReference }).click();
      await form.getByLabel(m.authority, { exact: true }).fill('内閣府 拉致被害者');
      await form.getByLabel(m.caseNumber, { exact: true }).fill('JP-1977-0042');
      await form.getByLabel(new RegExp(testimony.reference)).check();
      await form.getByLabel(new RegExp(incident.reference)).check();
      await form.getByRole('button', { name: ko.common.save }).click();

      await page.getByTestId('last-seen-chain').waitFor();
      const abducteeRef = page.url().split('/').pop() ?? '';
      expect(abducteeRef).toMatch(/^A-\d{6}$/);
      const abducteeId = (await requestAs(t, investigator, 'get', `/abductees/${abducteeRef}`).expect(200)).body.id;
      // The name is sealed: nowhere on the page until read with a reason.
      await expect(page.content()).resolves.not.toContain(SECRET_NAME);
      const moments = page.getByTestId('last-seen-chain').locator('li');
      expect(await moments.count()).toBe(3);
      await expect(moments.nth(0).textContent()).resolves.toContain(m.abduction);
      await expect(moments.nth(1).textContent()).resolves.toContain('Abduction by boat from the coast, 1978');
      await expect(moments.nth(2).textContent()).resolves.toContain('평양 초대소');
      await page.getByTestId('external-references').getByText('JP-1977-0042').waitFor();

      await page.getByText(`${m.name}: ${m.sealed}`).click();
      await page.getByLabel(m.readReason, { exact: true }).fill(REASON);
      await page.getByRole('button', { name: m.readName }).click();
      await page.getByTestId('abductee-name').getByText(SECRET_NAME).waitFor();
      await screenshot(page, 'abductee-chain-ko');

      const reads = await requestAs(t, investigator, 'get', `/abductees/${abducteeId}`).expect(200);
      expect(reads.body).toMatchObject({ name: null, nameSealed: true, nationality: 'JP' });
      expect(reads.body.externalReferences).toEqual([{ authority: '内閣府 拉致被害者', reference: 'JP-1977-0042' }]);
      expect(reads.body.incidentIds).toEqual([incident.id]);
      const audit = await readAuditLog(
        t.app.get(DataSource),
        `SELECT reason FROM audit_events WHERE action = 'abductee.name.read' AND subject_id = $1`,
        [abducteeId],
      );
      expect(audit).toEqual([{ reason: REASON }]);
    } finally {
      await close();
    }
  }, 120_000);

  it.each(Object.keys(LOCALES) as Array<keyof typeof LOCALES>)(
    'shows the incident and abductee screens in %s without serious accessibility violations',
    async (locale) => {
      const m = LOCALES[locale].records;
      const { page, close } = await signedIn(locale, `/app/cases/${caseRef}/incidents`);
      try {
        const screens: Array<[string, string, () => Promise<unknown>]> = [
          ['incidents', `/app/cases/${caseRef}/incidents`, () => page.getByTestId('incident-row').first().waitFor()],
          ['incident', `/app/incidents/${shown.incidentRef}`, () => page.getByTestId('source-passage').waitFor()],
          ['abductees', `/app/cases/${caseRef}/abductees`, () => page.getByTestId('abductee-row').first().waitFor()],
          ['abductee', `/app/abductees/${shown.abducteeRef}`, () => page.getByTestId('last-seen-chain').waitFor()],
        ];
        await page.getByRole('heading', { name: m.incidents, level: 1 }).waitFor();
        for (const [name, path, ready] of screens) {
          await page.goto(path);
          await ready();
          await screenshot(page, `${name}-${locale}`);
          expect({ name, violations: await seriousViolations(page) }).toEqual({ name, violations: [] });
        }
      } finally {
        await close();
      }
    },
    180_000,
  );
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { AuditCheckpointService } from '@sillok/audit';
import { Role } from '@sillok/auth';
import { FixityService } from '@sillok/evidence';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { ja } from '../../apps/web/src/i18n/messages.ja.js';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import { flipFirstByte, makeTestimony, uploadTexts } from '../evidence/attachment-fixtures.js';
import { counts, EXAMPLE_FILES, EXAMPLES } from '../imports/import-fixtures.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn, startWebApp } from './browser.js';

const LOCALES = { ko, en, ja } as const;
type Locale = keyof typeof LOCALES;
const BAD_WITNESSES = ['external_id,sex,birth_year', 'B-1,female,1970', 'B-2,femal,1970', 'B-3,male,1870', ''].join(
  '\n',
);

/** The "import N rows" button, whatever N. */
const confirmAll = (template: string) => new RegExp(`^${template.replace('{count}', '\\d+')}$`);

/**
 * The administration screens of issue 17 in a browser: journey (h), the import wizard (the example
 * files checked, reported and imported, and a bad file reported line by line with nothing written),
 * the evidence store's fixity status, the latest signed checkpoint on the audit screen, and the
 * vocabularies by their translated names; in ko, en and ja with no serious accessibility violation.
 */
describe('the administration screens in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let coordinator: LoggedInUser;
  let auditor: LoggedInUser;
  let caseId: string;
  let caseRef: string;
  let scratch: string;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    scratch = await mkdtemp(join(tmpdir(), 'sillok-import-web-'));
    await writeFile(join(scratch, 'bad-witnesses.csv'), BAD_WITNESSES);
    coordinator = await createAndLogin(t, Role.Coordinator, { displayName: '박서연' });
    auditor = await createAndLogin(t, Role.Auditor, { displayName: 'Auditor' });
    caseId = await createCase(t, coordinator, { title: '개천 수용소 기록 보관소', members: [] });
    caseRef = (await requestAs(t, coordinator, 'get', `/cases/${caseId}`)).body.reference;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  async function signedIn(user: LoggedInUser, locale: Locale) {
    const context = await newContext(browser, baseUrl, locale);
    const page = await context.newPage();
    const messages = LOCALES[locale];
    await signIn(page, messages, user);
    return { context, page, messages };
  }

  /** Chooses the file and checks it (a dry run); the record type follows the file's name. */
  async function checkFile(page: Page, messages: (typeof LOCALES)[Locale], file: string) {
    const m = messages.administration.imports;
    await page.getByLabel(m.file, { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: m.check }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    return report;
  }

  it('(h) checks each example file, shows the report before anything is written, then imports it; a bad file is reported by line and field, and nothing is written', async () => {
    // A case of its own: the counts below are of what this test imports.
    const importCase = await createCase(t, coordinator, { title: '회령 수용소 기록', members: [] });
    const importCaseRef = (await requestAs(t, coordinator, 'get', `/cases/${importCase}`)).body.reference;
    const { context, page, messages } = await signedIn(coordinator, 'ko');
    const m = messages.administration.imports;
    try {
      await page.getByRole('link', { name: messages.administration.nav.imports }).click();
      await page.getByRole('heading', { name: m.title, level: 1 }).waitFor();
      await page.getByLabel(m.case, { exact: true }).selectOption(importCaseRef);
      await page.waitForURL(new RegExp(`case=${importCaseRef}`));

      for (const [type, name] of EXAMPLE_FILES) {
        const before = await counts(t, importCase);
        const report = await checkFile(page, messages, join(EXAMPLES, name));
        expect(await page.getByLabel(m.type, { exact: true }).inputValue()).toBe(type);
        await report.getByTestId('import-nothing-written').waitFor();
        // The dry run wrote nothing: no record, no audit event of one.
        expect(await counts(t, importCase)).toEqual(before);
        await report.getByRole('button', { name: confirmAll(m.confirm) }).click();
        await page.getByTestId('import-done').waitFor();
        expect((await counts(t, importCase))[type]).toBeGreaterThan(before[type]);
      }
      expect(await counts(t, importCase)).toMatchObject({ witnesses: 4, testimonies: 4, tags: 6, incidents: 3 });
      await screenshot(page, 'import-done-ko');

      const before = await counts(t, importCase);
      const report = await checkFile(page, messages, join(scratch, 'bad-witnesses.csv'));
      const invalid = report.getByTestId('import-invalid');
      await invalid.waitFor();
      const rows = await invalid.locator('tbody tr').allTextContents();
      expect(rows).toEqual([
        expect.stringMatching(/^3B-2sexmust be one of female, male, other, unknown$/),
        expect.stringMatching(/^4B-3birth_yearmust be a whole number from 1900 to 2100$/),
      ]);
      await report.getByText(m.fix).waitFor();
      // No "import all" where rows are bad: only leaving them out, which is the user's choice.
      expect(await report.getByRole('button', { name: confirmAll(m.confirm) }).count()).toBe(0);
      await screenshot(page, 'import-report-ko');
      expect(await counts(t, importCase)).toEqual(before);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('shows the upload progress of a large file, then its report', async () => {
    const { context, page, messages } = await signedIn(coordinator, 'en');
    const m = messages.administration.imports;
    const big = join(scratch, 'many-witnesses.csv');
    const lines = Array.from({ length: 8000 }, (_, i) => `P-${i},female,1960,North Hamgyong`);
    await writeFile(big, ['external_id,sex,birth_year,province_of_origin', ...lines, ''].join('\n'));
    const before = await counts(t, caseId);
    try {
      await page.goto(`/app/imports?case=${caseRef}`);
      // A slow uplink (about 100 KB/s) makes the progress of a 250 KB file visible for a while.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 100_000,
      });
      await page.getByLabel(m.file, { exact: true }).setInputFiles(big);
      await page.getByRole('button', { name: m.check }).click();
      const progress = page.getByRole('progressbar', { name: m.progress.replace('{name}', 'many-witnesses.csv') });
      await progress.waitFor();
      // Part of the file sent, not all of it (the page's CSP forbids evaluating strings: read the attribute).
      let fraction = 0;
      for (let tries = 0; tries < 200 && !(fraction > 0 && fraction < 1); tries++) {
        fraction = Number((await progress.getAttribute('value')) ?? 0);
        if (!(fraction > 0)) await page.waitForTimeout(25);
      }
      expect(fraction).toBeGreaterThan(0);
      expect(fraction).toBeLessThan(1);
      await screenshot(page, 'import-progress-en');
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 60_000 });
      await report.getByText(m.summary.replace('{rows}', '8,000').split(':')[0]).waitFor();
      expect(await counts(t, caseId)).toEqual(before);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the latest fixity run with the attachment that failed, and the latest signed checkpoint on the audit screen', async () => {
    const investigator = await createAndLogin(t, Role.Investigator);
    await requestAs(t, coordinator, 'post', `/cases/${caseId}/members`, {
      userId: investigator.id,
      caseRole: 'member',
    }).expect(201);
    const testimony = await makeTestimony(t, investigator, caseId);
    const [, changedId] = await uploadTexts(t, investigator, testimony, ['photo one', 'photo two']);
    await t.app.get(FixityService).run();
    await flipFirstByte(t, changedId);
    await t.app.get(FixityService).run();
    const checkpoint = await t.app.get(AuditCheckpointService).create();

    for (const locale of Object.keys(LOCALES) as Locale[]) {
      const { context, page, messages } = await signedIn(auditor, locale);
      try {
        await page.getByRole('link', { name: messages.administration.nav.fixity }).click();
        const failures = page.getByTestId('fixity-failures');
        await failures.waitFor();
        await failures.getByText(changedId).waitFor();
        await failures.getByText(caseRef).waitFor();
        expect(await page.getByTestId('fixity-runs').count()).toBe(2); // the latest, and the one before
        await screenshot(page, `fixity-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('link', { name: messages.nav.audit }).click();
        const card = page.getByTestId('audit-checkpoint');
        await card.getByText(checkpoint.statement.headHash).waitFor();
        await card.getByText(messages.administration.checkpoint.matches).waitFor();
        const download = page.waitForEvent('download');
        await card.getByRole('link', { name: messages.administration.checkpoint.download }).click();
        const saved = JSON.parse(await readFile((await (await download).path()) as string, 'utf8'));
        expect(saved).toEqual(checkpoint);
        await screenshot(page, `audit-checkpoint-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 240_000);

  it.each(Object.keys(LOCALES) as Locale[])(
    'shows the import report and the vocabularies by name in %s without serious accessibility violations',
    async (locale) => {
      const { context, page, messages } = await signedIn(coordinator, locale);
      try {
        await page.goto(`/app/imports?case=${caseRef}&type=witnesses`);
        const report = await checkFile(page, messages, join(scratch, 'bad-witnesses.csv'));
        await report.getByTestId('import-invalid').waitFor();
        await screenshot(page, `import-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('link', { name: messages.nav.vocabularies }).click();
        const name = messages.administration.schemes['coi-violation'];
        await page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).click();
        await page.getByRole('heading', { name: new RegExp(name.replace(/[()]/g, '\\$&')), level: 2 }).waitFor();
        await screenshot(page, `vocabularies-named-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});

/**
 * The same screens, on an app that never ran a fixity check (the tests above run some). An app of
 * its own, booted after the one above is closed: passport keeps one password strategy per process,
 * the last booted app's, so a second app alive beside the first would take over its logins.
 */
describe('the administration screens in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the command to run while the evidence store has never been checked', async () => {
    const admin = await createAndLogin(t, Role.Admin, { displayName: 'Admin' });
    const context = await newContext(browser, baseUrl, 'en');
    try {
      const page = await context.newPage();
      await signIn(page, en, admin);
      await page.getByRole('link', { name: en.administration.nav.fixity }).click();
      const hint = page.getByTestId('fixity-no-run');
      await hint.waitFor();
      await hint.getByText('sillok fixity:check').waitFor();
      await screenshot(page, 'fixity-no-run-en');
    } finally {
      await context.close();
    }
  }, 120_000);
});

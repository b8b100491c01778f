import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@sillok/auth';
import { ko } from '../../apps/web/src/i18n/messages.ko.js';
import type { TestApp } from '../support/test-app.js';
import { run, unzipBag } from '../exports/export-fixtures.js';
import { exifJpeg } from '../evidence/exif-jpeg.js';
import { samplePng } from './sample-png.js';
import { launchBrowser, newContext, screenshot, seriousViolations, selectText, startWebApp } from './browser.js';
import {
  approvedTestimony,
  caseWithInvestigator,
  exportCase,
  newAccount,
  person,
  secondFactor,
  testimonyUnderReview,
} from './journey-fixtures.js';

const NARRATIVE =
  '1997년 봄 요덕 수용소에 끌려갔습니다. 보위부 요원들이 밤에 집에 와서 가족 모두를 데려갔습니다. ' +
  '수용소에서는 매일 새벽부터 밤까지 강제노동을 했습니다. 하루 배급은 옥수수 한 줌뿐이었습니다.';
const TRANSLATION =
  'In spring 1997 I was taken to Yodok camp. Bowibu agents came to our house at night and took the whole family. ' +
  'In the camp we did forced labour every day from dawn until night. The daily ration was a handful of maize.';
const PHONE_PHOTO = exifJpeg({
  make: 'Samsung',
  model: 'SM-G991N',
  dateTimeOriginal: '2018:11:02 14:05:09',
  latitude: { ref: 'N', dms: [41, 45, 36] },
  longitude: { ref: 'E', dms: [129, 43, 12] },
});
const PASSAGE_LABOUR = '수용소에서는 매일 새벽부터 밤까지 강제노동을 했습니다';
const PASSAGE_ARREST = '보위부 요원들이 밤에 집에 와서 가족 모두를 데려갔습니다';
const TEXT = { narrative: NARRATIVE, translation: TRANSLATION };

/**
 * Issue 16's journeys (a)-(g) in Debian's Chromium against the real API and PostgreSQL, in the
 * Korean UI; each step is what a documenter does with keyboard and mouse. The journeys follow one
 * case from its opening to its export, but each test starts from what the journeys before it would
 * have left, made through the API (`journey-fixtures.ts`) with accounts of its own, so that any one
 * runs alone; each ends by asserting no serious or critical axe-core violation on the screens it
 * visited. Only (a) and (b) sign in with a one-time password and choose their own on the screen.
 */
describe('web client journeys (Chromium)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  /** The axe-core findings of the screens the running test visited. */
  let violations: string[] = [];

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebApp());
    browser = await launchBrowser();
  }, 60_000);
  beforeEach(() => {
    violations = [];
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function page(): Promise<Page> {
    const context = await newContext(browser, baseUrl, 'ko');
    return context.newPage();
  }

  async function checkScreen(p: Page, name: string) {
    await screenshot(p, `journey-${name}-ko`);
    violations.push(...(await seriousViolations(p)).map((v) => `${name}: ${v}`));
  }

  async function signIn(p: Page, email: string, password: string) {
    await p.goto('/app');
    await p.getByLabel(ko.login.email).fill(email);
    await p.getByLabel(ko.login.password).fill(password);
    await p.getByRole('button', { name: ko.login.submit }).click();
  }

  async function signInFirstTime(p: Page, account: { email: string; password: string }) {
    await signIn(p, account.email, account.password);
    await p.getByRole('heading', { name: ko.password.title }).waitFor();
    await checkScreen(p, 'password');
    const chosen = `Own-passphrase-${process.pid}-x7`;
    await p.getByLabel(ko.password.current).fill(account.password);
    await p.getByLabel(ko.password.next).fill(chosen);
    await p.getByRole('button', { name: ko.password.submit }).click();
    await p.getByRole('heading', { name: ko.cases.title }).waitFor();
    account.password = chosen;
  }

  async function createAccount(p: Page, account: { name: string; email: string; password: string }, role: string) {
    await p.getByLabel(ko.users.displayName, { exact: true }).fill(account.name);
    await p.getByLabel(ko.users.email, { exact: true }).fill(account.email);
    await p.getByLabel(ko.users.role).selectOption(role);
    await p.getByRole('button', { name: ko.common.create }).click();
    const notice = p.getByTestId('temporary-password');
    await notice.filter({ hasText: account.name }).waitFor();
    account.password = (await notice.textContent())!.split(': ').pop()!.trim();
  }

  it('(a) an admin creates a coordinator and an investigator; the coordinator opens a case and adds the investigator by name', async () => {
    // The first administrator, as `sillok user:create --role admin` makes it.
    const admin = await person(t, Role.Admin, '관리자');
    const accounts = {
      coordinator: { name: '박서연', email: `a.coordinator.${process.pid}@example.org`, password: '' },
      investigator: { name: '김민지', email: `a.investigator.${process.pid}@example.org`, password: '' },
    };
    const p = await page();
    await p.goto('/app');
    await p.getByRole('heading', { name: ko.login.title }).waitFor();
    await checkScreen(p, 'login');
    await signIn(p, admin.email, admin.password);
    await p.getByRole('heading', { name: ko.users.title }).waitFor();
    await createAccount(p, accounts.coordinator, 'coordinator');
    await createAccount(p, accounts.investigator, 'investigator');
    await checkScreen(p, 'users');
    await p.getByRole('button', { name: ko.nav.signOut }).click();
    await p.getByRole('heading', { name: ko.login.title }).waitFor();

    await signInFirstTime(p, accounts.coordinator);
    await checkScreen(p, 'cases-empty');
    await p.getByLabel(ko.cases.caseTitle).fill('요덕 수용소 증언');
    await p.getByRole('button', { name: ko.cases.open }).click();
    await p.getByRole('heading', { name: '요덕 수용소 증언' }).waitFor();
    expect(await p.locator('.eyebrow').first().textContent()).toMatch(/^CASE-\d{4}-\d{4}$/);
    const caseUrl = new URL(p.url()).pathname;
    // Screens are addressed by the case's reference, never its id.
    expect(caseUrl).toMatch(/^\/app\/cases\/CASE-\d{4}-\d{4}$/);

    await p.getByLabel(ko.casePage.findColleague).fill('김민');
    await p
      .getByRole('button', { name: new RegExp(`${accounts.investigator.name} · ${accounts.investigator.email}`) })
      .click();
    await p.getByRole('button', { name: ko.common.add, exact: true }).click();
    await p.getByRole('cell', { name: accounts.investigator.name, exact: true }).waitFor();
    await checkScreen(p, 'case');
    await p.context().close();
    expect(violations).toEqual([]);
  }, 120_000);

  it('(b) the investigator registers a witness with identity and consent, writes a Korean testimony with an English translation and interviewers, tags two passages found by Korean alias, uploads a photo, compares revisions and autosaves', async () => {
    // Journey (a)'s case: the investigator was added before choosing a password.
    const coordinator = await person(t, Role.Coordinator, '박서연');
    const investigator = await newAccount(t, Role.Investigator, '김민지');
    await caseWithInvestigator(t, coordinator, investigator);
    const p = await page();
    await signInFirstTime(p, investigator);
    await p.getByRole('link', { name: /^CASE-/ }).click();
    await p.getByRole('link', { name: ko.casePage.witnesses }).click();
    await p.getByText(ko.witnesses.empty).waitFor();
    await p.getByLabel(ko.witnesses.sex).selectOption('female');
    await p.getByLabel(ko.witnesses.birthYear).fill('1975');
    await p.getByRole('button', { name: ko.witnesses.register }).click();
    const pseudonym = p.locator('.record-title').first();
    await pseudonym.waitFor();
    expect(await pseudonym.textContent()).toBeTruthy();

    await p.locator('summary').first().click();
    await p.getByLabel(ko.witnesses.legalName, { exact: true }).fill('이순희');
    await p.getByRole('button', { name: ko.witnesses.saveIdentity }).click();
    await p.getByText(ko.witnesses.identityStored).waitFor();

    // Consent: internal use, UN mechanisms and courts; then narrowed (courts unticked), a new version.
    await p.locator('details.consent summary').first().click();
    for (const scope of ['internal', 'un_mechanisms', 'courts'] as const)
      await p.getByRole('checkbox', { name: ko.consentScope[scope] }).check();
    await p.getByRole('button', { name: ko.consent.record }).click();
    await p.getByTestId('consent-version').first().getByText('v1').waitFor();
    await p.getByRole('checkbox', { name: ko.consentScope.courts }).uncheck();
    await p.getByRole('button', { name: ko.consent.record }).click();
    const latest = p.getByTestId('consent-version').first();
    await latest.getByText(ko.consent.narrowed).waitFor();
    expect(await latest.textContent()).toContain(`${ko.consentScope.internal}, ${ko.consentScope.un_mechanisms}`);
    expect(await p.getByRole('checkbox', { name: ko.consentScope.un_mechanisms }).isChecked()).toBe(true);
    await checkScreen(p, 'witnesses');

    await p.getByRole('link', { name: ko.witnesses.newTestimony }).click();
    await p.getByLabel(ko.testimonies.testimonyTitle).fill('요덕 제15호 관리소 구금 증언');
    await p.getByLabel(ko.testimonies.interviewDate).fill('2026-03-14');
    // Interviewers come from the case's members; the author is chosen to start with.
    expect(await p.getByRole('checkbox', { name: investigator.name }).isChecked()).toBe(true);
    await checkScreen(p, 'testimony-new');
    await p.getByRole('button', { name: ko.testimonies.create }).click();

    await p.getByLabel(ko.editor.narrative).first().waitFor();
    const testimonyUrl = new URL(p.url()).pathname;
    expect(testimonyUrl).toMatch(/^\/app\/testimonies\/T-\d{6}$/);
    await p.locator('fieldset p', { hasText: ko.testimonies.interviewers }).getByText(investigator.name).waitFor();
    await p.locator('textarea[name=narrative]').fill(NARRATIVE);
    await p.locator('textarea[name=translation]').fill(TRANSLATION);
    await p.getByRole('button', { name: ko.common.save, exact: true }).click();
    await p.getByText(/저장됨\(개정 \d+\)/).waitFor();

    for (const [passage, query, term] of [
      [PASSAGE_LABOUR, '강제노동', '구금 중 강제노동'],
      [PASSAGE_ARREST, '보위부', '국가보위성'],
    ]) {
      await selectText(p, '[data-testid=tagging-text]', passage);
      await p.getByRole('button', { name: ko.editor.tagSelection }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByText(passage).waitFor();
      await dialog.getByLabel(ko.tagPicker.find).fill(query);
      await dialog
        .getByRole('checkbox', { name: new RegExp(term) })
        .first()
        .check();
      if (passage === PASSAGE_LABOUR) await checkScreen(p, 'tag-picker');
      await dialog.getByRole('button', { name: ko.tagPicker.save }).click();
      await p.locator('.tag-list li', { hasText: term }).waitFor();
    }
    expect(await p.locator('[data-testid=tagging-text] mark').allTextContents()).toEqual([
      PASSAGE_ARREST,
      PASSAGE_LABOUR,
    ]);
    await checkScreen(p, 'editor');

    // A photo and an empty file: the photo uploads with its SHA-256 checked against the one the
    // browser computed; the empty file is refused before any byte is sent.
    const photo = samplePng();
    await p.getByLabel(ko.attachments.drop).setInputFiles([
      { name: 'yodok-sketch.png', mimeType: 'image/png', buffer: photo },
      { name: 'copy-failed.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
      { name: 'phone-photo.jpg', mimeType: 'image/jpeg', buffer: PHONE_PHOTO },
    ]);
    // A photo that carries where it was taken is pointed out as it uploads.
    await p.locator('.uploads li', { hasText: 'phone-photo.jpg' }).getByText(ko.attachments.gps).waitFor();
    await p.getByRole('alert').getByText(ko.attachments.emptyFile.replace('{name}', 'copy-failed.jpg')).waitFor();
    const attachment = p.getByTestId('attachment').filter({ hasText: 'yodok-sketch.png' });
    await attachment.getByText(ko.attachments.matches).waitFor();
    expect(await attachment.getByTestId('sha256').textContent()).toBe(createHash('sha256').update(photo).digest('hex'));
    await p.getByTestId('attachment').filter({ hasText: 'phone-photo.jpg' }).waitFor();
    expect(await p.getByTestId('attachment').count()).toBe(2);
    await attachment.getByRole('button', { name: ko.attachments.preview }).click();
    const preview = attachment.getByRole('img', {
      name: ko.attachments.previewOf.replace('{name}', 'yodok-sketch.png'),
    });
    await preview.waitFor();
    const decodedWidth = await preview.evaluate((element) => {
      const img = element as unknown as { decode(): Promise<void>; naturalWidth: number };
      return img.decode().then(() => img.naturalWidth);
    });
    expect(decodedWidth).toBe(48);

    // The history: revision 2 (the first save) compared with revision 1 shows the narrative added.
    await p.getByText(ko.history.title).click();
    await p.getByRole('button', { name: ko.history.compare }).first().click();
    await p.getByTestId('revision-diff').locator('ins', { hasText: PASSAGE_LABOUR }).waitFor();
    await checkScreen(p, 'editor-attachments-history');

    // Autosave: a sentence typed and left without pressing Save is on the server after the pause
    // (revision 3) and is still there after a reload.
    const amended = `${NARRATIVE} 겨울에도 난방은 없었습니다.`;
    await p.locator('textarea[name=narrative]').fill(amended);
    await p.getByText(ko.editor.saved.replace('{revision}', '3')).waitFor();
    await p.reload();
    await p.locator('[data-testid=tagging-text] mark').first().waitFor();
    expect(await p.locator('textarea[name=narrative]').inputValue()).toBe(amended);

    await p.getByRole('button', { name: ko.editor.submit }).click();
    await p.locator('.status', { hasText: ko.status.under_review }).waitFor();
    await p.context().close();
    expect(violations).toEqual([]);
  }, 180_000);

  it('(c) the coordinator approves it from the review queue; the approved testimony is locked', async () => {
    const coordinator = await person(t, Role.Coordinator, '박서연');
    const investigator = await person(t, Role.Investigator, '김민지');
    const { testimonyUrl } = await testimonyUnderReview(t, coordinator, investigator, TEXT);
    const p = await page();
    await signIn(p, coordinator.email, coordinator.password);
    await p.getByRole('link', { name: ko.nav.review }).click();
    await p.getByRole('heading', { name: ko.review.title }).waitFor();
    await p.locator('.records li').first().waitFor();
    await checkScreen(p, 'review');
    await p.getByRole('button', { name: ko.review.approve }).click();
    await p.getByText(ko.review.empty).waitFor();
    await p.goto(testimonyUrl);
    await p.getByText(ko.editor.locked).waitFor();
    expect(await p.locator('textarea[name=narrative]').isDisabled()).toBe(true);
    await p.context().close();
    expect(violations).toEqual([]);
  }, 120_000);

  it('(d) the coordinator exports the un-submission profile and downloads a bundle that sha256sum -c and openssl verify', async () => {
    const coordinator = await person(t, Role.Coordinator, '박서연');
    const investigator = await person(t, Role.Investigator, '김민지');
    const { caseUrl, reference } = await approvedTestimony(t, coordinator, investigator, TEXT);
    const p = await page();
    await signIn(p, coordinator.email, coordinator.password);
    await p.getByRole('heading', { name: ko.cases.title }).waitFor();
    await p.goto(caseUrl);
    await p.getByRole('link', { name: ko.casePage.export }).click();
    await p.getByText(ko.exports.empty).waitFor();
    await p.getByLabel(ko.exports.profile).selectOption('un-submission');
    await p.getByLabel(ko.exports.recipient).fill('OHCHR Seoul');
    // The witness consented to UN mechanisms (as in (b)): the testimony and its photo go without asking.
    // The preview lists what would go, from the same collection, and writes nothing.
    await p.getByRole('button', { name: ko.exports.preview.button }).click();
    const preview = p.getByRole('region', { name: ko.exports.preview.title });
    await preview.getByRole('cell', { name: reference, exact: true }).waitFor();
    expect(await preview.getByRole('cell', { name: ko.exports.preview.included, exact: true }).count()).toBeGreaterThan(
      0,
    );
    await checkScreen(p, 'export-preview');
    expect(await p.getByText(ko.exports.empty).isVisible()).toBe(true);
    await p.getByRole('button', { name: ko.exports.start }).click();
    await p.getByRole('cell', { name: 'OHCHR Seoul' }).waitFor();
    await checkScreen(p, 'export');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: ko.exports.download }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'sillok-web-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const bag = unzipBag(readFileSync(file));
    expect(bag.files).toEqual(
      expect.arrayContaining([
        `data/testimonies/${reference}.json`,
        `data/attachments/${createHash('sha256').update(samplePng()).digest('hex')}-yodok-sketch.png`,
      ]),
    );
    expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag.root).status).toBe(0);
    expect(run('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], bag.root).status).toBe(0);
    const verified = run(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'export-signing-key.pem',
        '-rawin',
        '-in',
        'tagmanifest-sha256.txt',
        '-sigfile',
        'tagmanifest-sha256.txt.sig',
      ],
      bag.root,
    );
    expect(verified.stdout + verified.stderr).toContain('Signature Verified Successfully');
    await p.context().close();
    expect(violations).toEqual([]);
  }, 120_000);

  it("(e) the coordinator changes the investigator's case role, then removes them; the witness withdraws all consent", async () => {
    const coordinator = await person(t, Role.Coordinator, '박서연');
    const investigator = await person(t, Role.Investigator, '김민지');
    // The witness of (b), with two versions of consent, and their testimony approved as (c) leaves it.
    const { caseUrl } = await approvedTestimony(t, coordinator, investigator, TEXT);
    const p = await page();
    await signIn(p, coordinator.email, coordinator.password);
    await p.getByRole('heading', { name: ko.cases.title }).waitFor();
    await p.goto(caseUrl);
    const name = investigator.name;
    const row = p.getByRole('row', { name: new RegExp(name) });
    await p.getByLabel(ko.members.roleOf.replace('{name}', name)).selectOption('viewer');
    await row.getByRole('cell', { name: ko.caseRole.viewer, exact: true }).waitFor();
    await p.getByRole('button', { name: ko.members.remove.replace('{name}', name) }).click();
    await checkScreen(p, 'case-remove-member');
    await p.getByRole('button', { name: ko.members.confirmRemove.replace('{name}', name) }).click();
    await row.waitFor({ state: 'detached' });

    await p.getByRole('link', { name: ko.casePage.witnesses }).click();
    await p.locator('details.consent summary').first().click();
    await p.getByRole('button', { name: ko.consent.withdrawAll }).click();
    await p.getByTestId('consent-version').first().getByText(ko.consent.noUse).waitFor();
    expect(await p.getByTestId('consent-version').count()).toBe(3);
    await checkScreen(p, 'consent-withdrawn');
    await p.context().close();
    expect(violations).toEqual([]);
  }, 120_000);

  it('(f) the coordinator sets up a second factor, downloads the recovery codes shown once, and signs in with one', async () => {
    const coordinator = await person(t, Role.Coordinator, '박서연');
    const p = await page();
    await signIn(p, coordinator.email, coordinator.password);
    await p.getByRole('link', { name: ko.mfa.nav }).click();
    await p.getByRole('button', { name: ko.mfa.start }).click();
    const secret = (await p.getByTestId('mfa-secret').textContent())!.replace(/\s/g, '');
    expect(await p.getByRole('link', { name: ko.mfa.openApp }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    await checkScreen(p, 'mfa-enrol');
    await p.getByLabel(ko.mfa.code).fill(await generate({ secret }));
    await p.getByRole('button', { name: ko.mfa.confirm }).click();
    await p.getByTestId('recovery-codes').locator('li').nth(9).waitFor();
    const codes = (await p.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await checkScreen(p, 'mfa-recovery-codes');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: ko.mfa.download }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'sillok-web-codes-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toEqual(codes);
    await p.getByRole('button', { name: ko.mfa.stored }).click();
    await p.getByText(ko.mfa.enabled).waitFor();
    expect(await p.getByTestId('recovery-codes').count()).toBe(0);

    await p.getByRole('button', { name: ko.nav.signOut }).click();
    await signIn(p, coordinator.email, coordinator.password);
    await p.getByLabel(ko.login.mfaCode).fill(codes[0]);
    await p.getByRole('button', { name: ko.login.mfaSubmit }).click();
    await p.getByRole('heading', { name: ko.cases.title }).waitFor();
    await p.context().close();
    expect(violations).toEqual([]);
  }, 120_000);

  it("(g) an admin resets the coordinator's password, a second admin approves it; the coordinator sees who did it, is refused exports until confirming with a current code", async () => {
    const admin = await person(t, Role.Admin, '관리자');
    const secondAdmin = await person(t, Role.Admin, '보안관리자');
    // A name no other journey's coordinator has: the administrators' screen lists every account.
    const coordinator = await person(t, Role.Coordinator, '정하은');
    const investigator = await person(t, Role.Investigator, '김민지');
    // What (d) and (f) leave: the case exported for OHCHR Seoul, and the coordinator's second factor.
    const { caseId, caseUrl } = await approvedTestimony(t, coordinator, investigator, TEXT);
    await exportCase(t, coordinator, caseId, 'OHCHR Seoul');
    const { secret: coordinatorTotp, recoveryCodes: coordinatorCodes } = await secondFactor(t, coordinator);
    const p = await page();
    // The coordinator reads identities and exports: the reset waits for a second administrator.
    await signIn(p, admin.email, admin.password);
    await p.getByRole('button', { name: ko.resets.resetPassword.replace('{name}', coordinator.name) }).click();
    await p.getByRole('button', { name: ko.resets.confirmPassword.replace('{name}', coordinator.name) }).click();
    await p.getByTestId('reset-outcome').getByText(ko.resets.waiting).waitFor();
    await p.getByTestId('account-reset').getByText(ko.resets.waitingForOther).waitFor();
    await checkScreen(p, 'users-reset-waiting');
    await p.getByRole('button', { name: ko.nav.signOut }).click();

    await signIn(p, secondAdmin.email, secondAdmin.password);
    await p.getByRole('button', { name: ko.resets.approve.replace('{name}', coordinator.name) }).click();
    const oneTime = p.getByTestId('reset-temporary-password');
    await oneTime.waitFor();
    coordinator.password = (await oneTime.textContent())!.split(': ').pop()!.trim();
    await checkScreen(p, 'account-resets-approved');
    await p.getByRole('button', { name: ko.resets.done }).click();
    await p.getByText(ko.resets.empty).waitFor();
    await p.getByRole('button', { name: ko.nav.signOut }).click();

    // The owner signs in with the one-time password (their factor stays) and chooses a new one.
    await signIn(p, coordinator.email, coordinator.password);
    await p.getByLabel(ko.login.mfaCode).fill(coordinatorCodes[0]);
    await p.getByRole('button', { name: ko.login.mfaSubmit }).click();
    await p.getByRole('heading', { name: ko.password.title }).waitFor();
    const chosen = `After-reset-${process.pid}-q4`;
    await p.getByLabel(ko.password.current).fill(coordinator.password);
    await p.getByLabel(ko.password.next).fill(chosen);
    await p.getByRole('button', { name: ko.password.submit }).click();
    await p.getByRole('heading', { name: ko.cases.title }).waitFor();
    coordinator.password = chosen;

    const notice = p.getByRole('region', { name: ko.resetNotice.title });
    await notice.waitFor();
    const said = await notice.textContent();
    expect(said).toContain(ko.resetNotice.kind.password);
    expect(said).toContain(
      ko.resetNotice.byWhom.replace('{requestedBy}', '관리자').replace('{approvedBy}', '보안관리자'),
    );
    expect(said).toContain(ko.resetNotice.notYou);
    expect(await notice.getByRole('button', { name: ko.common.close }).count()).toBe(0);

    // Exports are refused while held, and the screen says why instead of a generic error.
    await p.goto(caseUrl);
    await p.getByRole('link', { name: ko.casePage.export }).click();
    await p.getByTestId('reset-held').getByText(ko.resetNotice.heldError).waitFor();
    expect(await p.getByText(ko.common.error, { exact: true }).count()).toBe(0);
    await notice.waitFor();
    await checkScreen(p, 'reset-notice-held');

    // A code of the step after the one enrolled with: a code is never accepted twice.
    const nextStep = Math.floor(Date.now() / 1000) + 30;
    await notice.getByLabel(ko.resetNotice.code).fill(await generate({ secret: coordinatorTotp, epoch: nextStep }));
    await notice.getByRole('button', { name: ko.resetNotice.confirm }).click();
    await notice.waitFor({ state: 'detached' });
    await p.getByRole('cell', { name: 'OHCHR Seoul' }).waitFor();

    // The confirmed reset is pointed out once on the cases page.
    await p.getByRole('link', { name: ko.nav.cases, exact: true }).click();
    const recent = p.getByTestId('recent-reset');
    await recent.getByText(ko.resetNotice.notYouAfter).waitFor();
    await checkScreen(p, 'cases-recent-reset');
    await recent.getByRole('button', { name: ko.common.close }).click();
    await recent.waitFor({ state: 'detached' });
    await p.context().close();
    expect(violations).toEqual([]);
  }, 180_000);
});

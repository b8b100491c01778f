import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CaseFileCollector, EXPORT_PROFILES } from '@sillok/exports';
import { ConsentService, IdentityVaultService } from '@sillok/testimonies';
import { finalPath } from '../evidence/filesystem-layout.js';
import { loginAllRoles, requestAs, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { CaseRole } from '@sillok/cases';
import { createCase, createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { sealIdentity, tagPassage, termId } from '../support/testimony-fixtures.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import {
  approveTestimony,
  at,
  downloadBundle,
  recordConsent,
  run,
  unzipBag,
  uploadFile,
  witnessWithTestimony,
  type UnzippedBag,
} from './export-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

const FAMILY = '김철수';
const NARRATIVE = `저는 ${FAMILY}의 딸입니다. 1997년 요덕 수용소에서 아버지 ${FAMILY}가 고문을 당했습니다.`;
const ENGLISH = `I am the daughter of Kim Chul-su. In 1997 my father was tortured at Yodok.`;
const ORIGINAL = Buffer.from('%PDF-1.7 original drawing naming the guard Pak and the village');
const REDACTED = Buffer.from('%PDF-1.7 redacted drawing');
const CASE_MAP = Buffer.from('%PDF-1.7 map of the camp');

/** Everything an export of a case can carry, built through the API in a case of its own. */
interface ExportableCase {
  caseId: string;
  // Consent: all = every scope but public named; courts = internal and courts; un = internal and UN.
  all: Awaited<ReturnType<typeof witnessWithTestimony>>;
  courts: Awaited<ReturnType<typeof witnessWithTestimony>>;
  un: Awaited<ReturnType<typeof witnessWithTestimony>>;
  original: { id: string; sha256: string };
  redacted: { id: string; sha256: string };
  caseMap: { id: string; sha256: string };
}

describe('case-file exports', () => {
  let t: TestApp;
  let as: RoleLogins;
  let outsider: LoggedInUser;
  let caseB: string;
  // Only for the cleanup in afterAll: no test reads another's bag.
  const bags: UnzippedBag[] = [];

  const exportAs = (user: LoggedInUser, caseId: string, body: object) =>
    requestAs(t, user, 'post', `/cases/${caseId}/exports`, body);

  async function exportBag(caseId: string, profile: string, extra: object = {}) {
    const res = await exportAs(as.coordinator, caseId, { profile, recipient: 'OHCHR Seoul', ...extra });
    expect(res.status).toBe(201);
    const reason = (extra as { identityReason?: string }).identityReason;
    const zip = await downloadBundle(t, as.coordinator, res.body.id, reason);
    expect(zip.status).toBe(200);
    const bag = unzipBag(zip.body as Buffer);
    bags.push(bag);
    return { record: res.body, bag };
  }

  /**
   * A case of the test's own, led by the coordinator with the investigator, analyst and legal reviewer
   * as members: three approved testimonies with different consents (one with tagged sensitive spans,
   * interview details and an original drawing with a redacted copy), a case map, and an incident
   * sourced from two of the testimonies.
   */
  async function exportableCase(): Promise<ExportableCase> {
    const inv = as.investigator;
    const caseId = await createCase(t, as.coordinator, {
      members: [
        [inv, CaseRole.Member],
        [as.analyst, CaseRole.Viewer],
        [as.legal_reviewer, CaseRole.Member],
      ],
    });
    const all = await witnessWithTestimony(
      t,
      inv,
      caseId,
      ['internal', 'un_mechanisms', 'courts', 'public_anonymised'],
      NARRATIVE,
      [{ language: 'en', text: ENGLISH }],
    );
    const courts = await witnessWithTestimony(t, inv, caseId, ['internal', 'courts'], 'Courts-only testimony text.');
    const un = await witnessWithTestimony(t, inv, caseId, ['internal', 'un_mechanisms'], 'UN-only testimony text.');
    const current = await requestAs(t, inv, 'get', `/testimonies/${all.id}`);
    const city = await requestAs(t, inv, 'patch', `/testimonies/${all.id}`, {
      version: current.body.version,
      interviewCity: 'Hanawon-Anseong',
      interviewCountry: 'KR',
      interviewDate: '2019-04-02',
      interviewerIds: [inv.id],
      interpreterUsed: true,
      interpreterLanguages: 'ko-en',
    });
    expect(city.status).toBe(200);
    const torture = await termId(t, 'coi-violation', 'E.2');
    for (const body of [
      { ...at(NARRATIVE, FAMILY), kind: 'sensitive', sensitiveCategory: 'family_name' },
      { language: 'en', ...at(ENGLISH, 'Kim Chul-su'), kind: 'sensitive', sensitiveCategory: 'family_name' },
      { ...at(NARRATIVE, '고문을 당했습니다'), violationTermIds: [torture] },
    ])
      await tagPassage(t, inv, all.id, body);
    const original = await uploadFile(
      t,
      inv,
      `/testimonies/${all.id}/attachments`,
      { kind: 'drawing' },
      ORIGINAL,
      '박 경비 그림.pdf',
    );
    const redacted = await uploadFile(
      t,
      inv,
      `/attachments/${original.id}/derivatives`,
      { kind: 'drawing', derivation: 'redacted', reason: 'guard and village names removed' },
      REDACTED,
      'drawing-redacted.pdf',
    );
    const caseMap = await uploadFile(
      t,
      as.coordinator,
      `/cases/${caseId}/attachments`,
      { kind: 'document' },
      CASE_MAP,
      'camp map.pdf',
    );
    const incident = await requestAs(t, inv, 'post', '/incidents', {
      caseId,
      title: 'Torture at Yodok, 1997',
      status: 'confirmed',
      violationTermIds: [torture],
      perpetratorNames: ['Guard Pak'],
    });
    expect(incident.status).toBe(201);
    for (const testimonyId of [all.id, courts.id]) {
      const source = await requestAs(t, inv, 'post', `/incidents/${incident.body.id}/sources`, { testimonyId });
      expect(source.status).toBe(201);
    }
    for (const testimony of [all, courts, un]) await approveTestimony(t, inv, as.coordinator, testimony.id);
    return { caseId, all, courts, un, original, redacted, caseMap };
  }

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    // Case B and its lead are never written to: every test may ask them for a refusal.
    ({ caseB, otherLead: outsider } = await createTwoCases(t, as));
  }, 120_000);

  afterAll(async () => {
    for (const bag of bags) rmSync(join(bag.root, '..', '..'), { recursive: true, force: true });
    await t.close();
  });

  const testimonyFiles = (bag: UnzippedBag) =>
    bag.files.filter((f) => f.startsWith('data/testimonies/') && f.endsWith('.json')).map((f) => f.slice(17, -5));
  const attachmentFiles = (bag: UnzippedBag) => bag.files.filter((f) => f.startsWith('data/attachments/'));
  const everyText = (bag: UnzippedBag) =>
    bag.files
      .filter((f) => !f.endsWith('.pdf') && !f.endsWith('.sig'))
      .map((f) => bag.read(f))
      .join('\n');

  it('un-submission: only UN consent, pseudonyms, sensitive spans redacted, redacted copies preferred', async () => {
    const { caseId, all, courts, un, redacted, caseMap } = await exportableCase();
    const { record, bag } = await exportBag(caseId, 'un-submission');
    expect(testimonyFiles(bag)).toEqual([all.reference, un.reference].sort());
    const testimony = JSON.parse(bag.read(`data/testimonies/${all.reference}.json`));
    expect(testimony.narrative).not.toContain(FAMILY);
    expect(testimony.narrative).toContain('[REDACTED]');
    expect(testimony.translations[0].text).not.toContain('Kim Chul-su');
    expect(testimony.witness).toEqual({ label: all.pseudonym, pseudonym: all.pseudonym });
    expect(testimony.tags).toHaveLength(1);
    expect(testimony.tags[0].violations[0]).toMatchObject({ scheme: 'coi-violation', code: 'E.2' });
    expect(testimony.revision).toBe(1);
    expect(testimony.contentSha256).toBeNull();
    expect(testimony).toMatchObject({
      interviewers: [expect.stringMatching(/^.+ \(investigator\)$/)],
      interpreterUsed: true,
      interpreterLanguages: 'ko-en',
      originalLanguage: 'ko',
    });
    const printed = pdfText(bag, `data/testimonies/${all.reference}.pdf`);
    for (const line of [
      'Interview: 2019-04-02, Hanawon-Anseong, KR',
      'Interview language: ko',
      'Interpreter: yes (ko-en)',
    ])
      expect(printed).toContain(line);
    expect(printed).toContain(`Interviewers: ${testimony.interviewers[0]}`);
    expect(everyText(bag)).not.toContain(FAMILY);
    expect(attachmentFiles(bag).sort()).toEqual(
      [
        `data/attachments/${redacted.sha256}-drawing-redacted.pdf`,
        `data/attachments/${caseMap.sha256}-camp_map.pdf`,
      ].sort(),
    );
    expect(bag.read('data/withheld.csv')).toContain(
      `testimony,${courts.reference},${courts.pseudonym},consent does not cover un_mechanisms`,
    );
    expect(record).toMatchObject({ profile: 'un-submission', recipient: 'OHCHR Seoul', includesIdentities: false });
    expect(record.testimonyIds.sort()).toEqual([all.id, un.id].sort());
    const incidents = JSON.parse(bag.read('data/incidents.json'));
    expect(incidents[0].perpetratorNames).toBeUndefined();
    expect(
      incidents[0].sources.map((s: { testimony: string; withheld: boolean }) => [s.testimony, s.withheld]),
    ).toEqual([
      [all.reference, false],
      [courts.reference, true],
    ]);
    const info = bag.read('bag-info.txt');
    for (const label of ['Source-Organization', 'Contact-Name', 'Bagging-Date', 'Payload-Oxum'])
      expect(info).toContain(`${label}: `);
    expect(info).toContain(`External-Identifier: ${record.id}`);
    expect(info).toContain('Sillok-Profile: un-submission');
    expect(info).toContain('Sillok-Recipient: OHCHR Seoul');
    const custody = bag
      .read('data/custody-log.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(custody.some((row) => row.action === 'attachment.derive')).toBe(true);
    // Every PDF page is numbered on from the last page of the one before, under the export id.
    let next = 1;
    for (const pdf of [
      'data/case-summary.pdf',
      ...[all.reference, un.reference].sort().map((r) => `data/testimonies/${r}.pdf`),
    ]) {
      const raw = readFileSync(join(bag.root, pdf)).toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      expect(raw).toContain(`/PageLabels <<\n/Nums [0 <<\n/S /D\n/P (${record.id} p. )\n/St ${next}`);
      next += raw.match(/\/Type \/Page\n/g)!.length;
    }
    expect(next).toBeGreaterThan(4);
  }, 120_000);

  it('prosecution: courts consent, originals, spans still redacted without identities', async () => {
    const { caseId, all, courts, un, original, caseMap } = await exportableCase();
    const { bag } = await exportBag(caseId, 'prosecution');
    expect(testimonyFiles(bag)).toEqual([all.reference, courts.reference].sort());
    expect(attachmentFiles(bag).sort()).toEqual(
      [
        `data/attachments/${original.sha256}-박_경비_그림.pdf`,
        `data/attachments/${caseMap.sha256}-camp_map.pdf`,
      ].sort(),
    );
    expect(JSON.parse(bag.read(`data/testimonies/${all.reference}.json`)).narrative).not.toContain(FAMILY);
    expect(JSON.parse(bag.read('data/incidents.json'))[0].perpetratorNames).toEqual(['Guard Pak']);
    // Perpetrators are in the summary and the CSV a reader opens first, not only in the JSON.
    expect(pdfText(bag, 'data/case-summary.pdf')).toContain('Perpetrators: Guard Pak');
    expect(bag.read('data/incidents.csv').split('\r\n')[0]).toMatch(/,perpetrators,victims$/);
    expect(bag.read('data/incidents.csv')).toContain('Guard Pak');
    expect(pdfText(bag, `data/testimonies/${all.reference}.pdf`)).not.toContain('Witness identity');
    expect(bag.read('data/withheld.csv')).toContain(`${un.reference},${un.pseudonym},consent does not cover courts`);
  }, 120_000);

  it('public-anonymised: no pseudonyms, no place of interview, only redacted copies', async () => {
    const { caseId, all, courts, un, redacted } = await exportableCase();
    // Two earlier exports of the case, to OHCHR Seoul: the redacted drawing goes out in the first.
    for (const profile of ['un-submission', 'prosecution']) await exportBag(caseId, profile);
    const { bag } = await exportBag(caseId, 'public-anonymised', { recipient: 'Public website' });
    expect(testimonyFiles(bag)).toEqual([all.reference]);
    const testimony = JSON.parse(bag.read(`data/testimonies/${all.reference}.json`));
    expect(testimony.witness).toEqual({ label: 'Witness 1', pseudonym: null });
    expect(testimony.interviewCity).toBeNull();
    expect(testimony.interviewers).toEqual([expect.stringMatching(/^investigator bag-[0-9a-f]{16}$/)]);
    expect(testimony.interviewCountry).toBe('KR');
    const text = everyText(bag);
    for (const hidden of [all.pseudonym, courts.pseudonym, un.pseudonym, FAMILY, 'Hanawon-Anseong', 'Kim Chul-su'])
      expect(text).not.toContain(hidden);
    expect(attachmentFiles(bag)).toEqual([`data/attachments/${redacted.sha256}-drawing.pdf`]);
    // The earlier export of the same file (the UN submission) is on its custody log, but not whom it went to.
    const custody = bag
      .read('data/custody-log.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const exported = custody.filter((row) => row.action === 'attachment.export');
    expect(exported).toHaveLength(1);
    for (const row of exported) expect(Object.keys(row.details)).toEqual(['exportId']);
    expect(text).not.toContain('OHCHR Seoul');
    expect(text).not.toContain('drawing-redacted');
    expect(bag.read('data/withheld.csv')).toContain('attachment,,,no redacted copy for this profile');
  }, 120_000);

  it('internal: everything the requester may read, unredacted, with the revision hash', async () => {
    const { caseId, all, courts, un } = await exportableCase();
    const { bag } = await exportBag(caseId, 'internal');
    expect(testimonyFiles(bag)).toEqual([all.reference, courts.reference, un.reference].sort());
    const testimony = JSON.parse(bag.read(`data/testimonies/${all.reference}.json`));
    expect(testimony.narrative).toBe(NARRATIVE);
    expect(testimony.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(testimony.witness.attributes).toMatchObject({ sex: 'female' });
    expect(bag.read('data/withheld.csv').trim().split('\r\n')).toHaveLength(1);
  }, 120_000);

  it('honours a consent withdrawal in every later export, and shows who received the testimony before', async () => {
    const { caseId, all, un } = await exportableCase();
    // Exports before the withdrawal: the UN testimony goes out in the first and the third.
    for (const profile of ['un-submission', 'prosecution', 'internal']) await exportBag(caseId, profile);
    await recordConsent(t, as.investigator, un.witnessId, ['internal']);
    const { bag } = await exportBag(caseId, 'un-submission');
    expect(testimonyFiles(bag)).toEqual([all.reference]);
    expect(bag.read('data/withheld.csv')).toContain(
      `${un.reference},${un.pseudonym},consent does not cover un_mechanisms`,
    );
    const earlier = await requestAs(t, as.coordinator, 'get', `/cases/${caseId}/exports?testimonyId=${un.id}`);
    expect(earlier.status).toBe(200);
    expect(earlier.body.map((e: { profile: string; recipient: string }) => [e.profile, e.recipient])).toEqual([
      ['internal', 'OHCHR Seoul'],
      ['un-submission', 'OHCHR Seoul'],
    ]);
  }, 120_000);

  it('verifies with sha256sum -c, openssl pkeyutl -verify and sillok verify; one changed or removed byte fails all', async () => {
    const { bag } = await exportBag((await exportableCase()).caseId, 'un-submission');
    expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag.root).status).toBe(0);
    expect(run('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], bag.root).status).toBe(0);
    const openssl = [
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
    ];
    const verified = run('openssl', openssl, bag.root);
    expect(verified.stdout + verified.stderr).toContain('Signature Verified Successfully');
    expect(bag.read('VERIFY.txt')).toContain('openssl pkeyutl -verify');
    const ok = await runNode([CLI_ENTRY, 'verify', bag.zip], {});
    expect(ok.stdout).toContain('OK');
    expect(ok.stderr).toContain('warning: the signature was checked with the key shipped inside the bag');
    expect(ok.code).toBe(0);
    writeFileSync(join(bag.root, '..', 'published.pem'), bag.read('export-signing-key.pem'));
    const withKey = await runNode(
      [CLI_ENTRY, 'verify', bag.zip, '--public-key', join(bag.root, '..', 'published.pem')],
      {},
    );
    expect([withKey.code, withKey.stderr]).toEqual([0, '']);

    // Change one byte of a payload file, re-zip: the manifest check and sillok verify both fail.
    const summary = join(bag.root, 'data', 'case.json');
    const bytes = readFileSync(summary);
    bytes[10] ^= 1;
    writeFileSync(summary, bytes);
    expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag.root).status).not.toBe(0);
    const changedZip = join(bag.root, '..', 'changed.zip');
    rezip(bag.root, changedZip);
    const changed = await runNode([CLI_ENTRY, 'verify', changedZip], {});
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('FAIL data/case.json: SHA-256 is');
    bytes[10] ^= 1;
    writeFileSync(summary, bytes);

    // A changed tag manifest fails the signature (openssl and sillok verify).
    const tagManifest = join(bag.root, 'tagmanifest-sha256.txt');
    const tags = readFileSync(tagManifest);
    writeFileSync(tagManifest, Buffer.concat([tags, Buffer.from('\n')]));
    expect(run('openssl', openssl, bag.root).status).not.toBe(0);
    rezip(bag.root, join(bag.root, '..', 'resigned.zip'));
    const resigned = await runNode([CLI_ENTRY, 'verify', join(bag.root, '..', 'resigned.zip')], {});
    expect(resigned.code).toBe(1);
    expect(resigned.stdout).toContain('signature');
    writeFileSync(tagManifest, tags);

    // A removed payload file: sha256sum -c and sillok verify (missing file, Payload-Oxum) fail.
    const attachment = readdirSync(join(bag.root, 'data', 'attachments'))[0];
    rmSync(join(bag.root, 'data', 'attachments', attachment));
    expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag.root).status).not.toBe(0);
    rezip(bag.root, join(bag.root, '..', 'removed.zip'));
    const removed = await runNode([CLI_ENTRY, 'verify', join(bag.root, '..', 'removed.zip')], {});
    expect(removed.code).toBe(1);
    expect(removed.stdout).toContain(`FAIL data/attachments/${attachment}: listed in the manifest but missing`);
    expect(removed.stdout).toContain('Payload-Oxum');
  }, 180_000);

  it('prosecution with identities: only on request with a reason, each read audited, spans then unredacted', async () => {
    const { caseId, all, courts } = await exportableCase();
    const put = await requestAs(t, as.investigator, 'put', `/witnesses/${all.witnessId}/identity`, {
      legalName: '김영희',
    });
    expect(put.status).toBe(200);
    const reason = 'court filing, case 2026/17';
    const { record, bag } = await exportBag(caseId, 'prosecution', {
      includeIdentities: true,
      identityReason: reason,
    });
    expect(record.includesIdentities).toBe(true);
    const testimony = JSON.parse(bag.read(`data/testimonies/${all.reference}.json`));
    expect(testimony.witness.identity).toMatchObject({ legalName: '김영희' });
    // The PDF a court reads shows it too, not only the JSON.
    expect(pdfText(bag, `data/testimonies/${all.reference}.pdf`)).toContain('legalName: 김영희');
    expect(testimony.narrative).toBe(NARRATIVE);
    // No identity recorded for this witness: null, and nothing decrypted, so nothing to audit.
    expect(JSON.parse(bag.read(`data/testimonies/${courts.reference}.json`)).witness.identity).toBeNull();
    const reads = await readAuditLog(
      t.app.get(DataSource),
      `SELECT subject_id, reason FROM audit_events WHERE action = 'witness.identity.read' AND case_id = $1 ORDER BY seq`,
      [caseId],
    );
    // One read as the bag was made, one as it was downloaded (with the reason given for that).
    expect(reads).toEqual([
      { subject_id: all.witnessId, reason },
      { subject_id: all.witnessId, reason },
    ]);
  }, 120_000);

  it('records the export on each attachment’s chain of custody and audits downloads', async () => {
    const { caseId, caseMap } = await exportableCase();
    const made = [];
    for (const profile of ['un-submission', 'internal']) made.push((await exportBag(caseId, profile)).record.id);
    const custody = await requestAs(t, as.coordinator, 'get', `/attachments/${caseMap.id}/custody`);
    const exported = (custody.body as Array<{ action: string; details: { exportId?: string } }>).filter(
      (row) => row.action === 'attachment.export',
    );
    expect(exported.map((row) => row.details.exportId).sort()).toEqual([...made].sort());
    const audit = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action, count(*)::int AS n FROM audit_events WHERE action IN ('export.create', 'export.download') AND case_id = $1 GROUP BY action ORDER BY action`,
      [caseId],
    );
    expect(audit).toEqual([
      { action: 'export.create', n: 2 },
      { action: 'export.download', n: 2 },
    ]);
  }, 120_000);

  it('lets only exporters of the case export and download; others get 403 or 404', async () => {
    const { caseId } = await exportableCase();
    const body = { profile: 'internal', recipient: 'Counsel' };
    expect((await exportAs(as.analyst, caseId, body)).status).toBe(403);
    expect((await exportAs(as.investigator, caseId, body)).status).toBe(403);
    expect((await exportAs(outsider, caseId, body)).status).toBe(404);
    expect((await exportAs(as.coordinator, caseB, body)).status).toBe(404);
    expect((await requestAs(t, undefined, 'post', `/cases/${caseId}/exports`, body)).status).toBe(401);
    const { id } = (await exportBag(caseId, 'internal')).record as { id: string };
    expect((await requestAs(t, outsider, 'get', `/exports/${id}/download`)).status).toBe(404);
    expect((await requestAs(t, as.investigator, 'get', `/exports/${id}/download`)).status).toBe(403);
    expect((await downloadBundle(t, as.legal_reviewer, id)).status).toBe(200);
  }, 120_000);

  it('refuses bad input with the field and the reason, recording nothing', async () => {
    const { caseId, all, caseMap } = await exportableCase();
    const cases: Array<[object, string]> = [
      [{ profile: 'everything', recipient: 'x y' }, 'profile'],
      [{ profile: 'internal' }, 'recipient'],
      [{ profile: 'internal', recipient: 'line\nbreak' }, 'recipient'],
      [{ profile: 'internal', recipient: 'Counsel', testimonyIds: ['nope'] }, 'testimonyIds'],
      [{ profile: 'internal', recipient: 'Counsel', includeIdentities: true }, 'identityReason'],
      [{ profile: 'internal', recipient: 'Counsel', includeIdentities: true, identityReason: 'why' }, 'identityReason'],
      [
        { profile: 'un-submission', recipient: 'Counsel', includeIdentities: true, identityReason: 'for the court' },
        'includeIdentities',
      ],
      [{ profile: 'internal', recipient: 'Counsel', testimonyIds: [caseMap.id] }, 'testimonyIds'],
      [{ profile: 'internal', recipient: 'Counsel', attachmentIds: [all.id] }, 'attachmentIds'],
    ];
    for (const [body, field] of cases) {
      const res = await exportAs(as.coordinator, caseId, body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await requestAs(t, as.coordinator, 'get', `/cases/${caseId}/exports`)).body).toEqual([]);
  }, 120_000);

  it('stops an export whose stored attachment no longer matches its hash, leaving no record and no object', async () => {
    const { caseId, caseMap } = await exportableCase();
    const [row] = await t.app.get(DataSource).query(`SELECT object_key FROM attachments WHERE id = $1`, [caseMap.id]);
    const stored = finalPath(join(t.settings.SILLOK_DATA_DIR, 'objects'), row.object_key as string);
    const objectsBefore = countFiles(join(t.settings.SILLOK_DATA_DIR, 'objects'));
    const good = readFileSync(stored);
    writeFileSync(stored, Buffer.concat([good.subarray(0, 5), Buffer.from('X'), good.subarray(6)]));
    try {
      const res = await exportAs(as.coordinator, caseId, { profile: 'internal', recipient: 'Counsel' });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('export stopped');
      expect(res.body.detail).toContain(caseMap.sha256);
    } finally {
      writeFileSync(stored, good);
    }
    expect((await requestAs(t, as.coordinator, 'get', `/cases/${caseId}/exports`)).body).toEqual([]);
    expect(countFiles(join(t.settings.SILLOK_DATA_DIR, 'objects'))).toBe(objectsBefore);
  }, 120_000);

  it('sillok export writes the same kind of bundle from the command line, and refuses bad input in one line', async () => {
    const { caseId, all, un } = await exportableCase();
    const env = {
      ...TEST_SECRETS,
      NODE_ENV: 'test',
      DATABASE_URL: t.database.url,
      SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR,
    };
    const reference = (await requestAs(t, as.coordinator, 'get', `/cases/${caseId}`)).body.reference as string;
    const out = join(t.settings.SILLOK_DATA_DIR, 'cli-export.zip');
    const args = ['export', '--case', reference, '--recipient', 'OHCHR Seoul', '--as', as.coordinator.email];
    const made = await runNode([CLI_ENTRY, ...args, '--profile', 'un-submission', '--out', out], env);
    expect([made.code, made.stderr]).toEqual([0, expect.stringContaining('export (attachment bytes)')]);
    expect(made.stdout).toMatch(
      /^export [0-9a-f-]{36}: 2 testimonies, 2 attachments, 1 withheld; \d+ bytes written to /,
    );
    // It may hold identities: readable by its owner only.
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const checked = await runNode([CLI_ENTRY, 'verify', out], {});
    expect(checked.code).toBe(0);
    const bag = unzipBag(readFileSync(out));
    bags.push(bag);
    expect(testimonyFiles(bag)).toEqual([all.reference, un.reference].sort());

    const again = await runNode([CLI_ENTRY, ...args, '--profile', 'un-submission', '--out', out], env);
    expect([again.code, again.stderr.trim()]).toEqual([1, `sillok: ${out} exists; exports are never overwritten`]);
    const other = join(t.settings.SILLOK_DATA_DIR, 'other.zip');
    const badProfile = await runNode([CLI_ENTRY, ...args, '--profile', 'everything', '--out', other], env);
    expect([badProfile.code, badProfile.stderr.trim()]).toEqual([
      1,
      'sillok: --profile must be one of un-submission, prosecution, public-anonymised, internal',
    ]);
    const analyst = await runNode(
      [
        CLI_ENTRY,
        'export',
        '--case',
        reference,
        '--recipient',
        'x',
        '--as',
        as.analyst.email,
        '--profile',
        'internal',
        '--out',
        other,
      ],
      env,
    );
    expect([analyst.code, analyst.stderr.trim()]).toEqual([1, 'sillok: your role does not grant export.create']);
  }, 180_000);

  it('previews an export (API and sillok export --dry-run): included, withheld and why, writing nothing', async () => {
    const { caseId, all, courts, un } = await exportableCase();
    // An identity the export would decrypt (and audit the read of), and an export before: the preview
    // must neither read the one nor add to the other.
    await sealIdentity(t, as.investigator, all.witnessId, { legalName: '김영희' });
    await exportBag(caseId, 'internal');
    const before = await writtenCounts(t);
    const preview = (body: object) => requestAs(t, as.coordinator, 'post', `/cases/${caseId}/exports/preview`, body);
    const res = await preview({
      profile: 'prosecution',
      recipient: 'ICC',
      includeIdentities: true,
      identityReason: 'court filing, case 2026/17',
    });
    expect(res.status).toBe(200);
    const rows = (
      res.body.records as Array<{ kind: string; reference: string; included: boolean; reason: string | null }>
    ).map((r) => [r.kind, r.reference, r.included, r.reason]);
    expect(rows).toEqual([
      ['testimony', all.reference, true, null],
      ['testimony', courts.reference, true, null],
      ['testimony', un.reference, false, 'consent does not cover courts (witness consent v1)'],
      ['incident', expect.stringMatching(/^I-/), true, null],
      ['attachment', '', true, null],
      ['attachment', all.reference, true, null],
    ]);
    expect(res.body.identityWitnesses).toBe(2);
    expect(res.body.confirmEmptyRequired).toBeNull();
    // An export of nothing would need confirmEmpty: the preview says so before anyone tries.
    const nothing = await preview({ profile: 'internal', recipient: 'Counsel', testimonyIds: [], incidentIds: [] });
    expect(nothing.body.confirmEmptyRequired).toMatch(/^nothing would go out/);
    const reference = (await requestAs(t, as.coordinator, 'get', `/cases/${caseId}`)).body.reference as string;
    const env = {
      ...TEST_SECRETS,
      NODE_ENV: 'test',
      DATABASE_URL: t.database.url,
      SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR,
    };
    const args = [
      'export',
      '--case',
      reference,
      '--recipient',
      'ICC',
      '--as',
      as.coordinator.email,
      '--profile',
      'prosecution',
    ];
    const dry = await runNode([CLI_ENTRY, ...args, '--dry-run'], env);
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(dry.stdout).toContain(`INCLUDE testimony ${all.reference} ${all.pseudonym} approved`);
    expect(dry.stdout).toContain(`WITHHOLD testimony ${un.reference} ${un.pseudonym}: consent does not cover courts`);
    expect(dry.stdout).toMatch(
      /dry run \(prosecution\): 5 included, 1 withheld, 0 warning\(s\); nothing was written\n$/,
    );
    const noOut = await runNode([CLI_ENTRY, ...args], env);
    expect([noOut.code, noOut.stderr.trim()]).toEqual([1, 'sillok: --out <file> is required (or --dry-run)']);
    expect(await writtenCounts(t)).toEqual(before);
    // Refusals as for the export itself (a refused non-member is audited as access.refused).
    expect((await preview({ profile: 'everything', recipient: 'x y' })).status).toBe(400);
    expect(
      (
        await requestAs(t, outsider, 'post', `/cases/${caseId}/exports/preview`, {
          profile: 'internal',
          recipient: 'x y',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await requestAs(t, as.investigator, 'post', `/cases/${caseId}/exports/preview`, {
          profile: 'internal',
          recipient: 'x y',
        })
      ).status,
    ).toBe(403);
  }, 120_000);

  it('downloads answer an ETag and honour Range with If-Range (the whole bundle when If-Range names other bytes)', async () => {
    const { caseId } = await exportableCase();
    const plain = (await exportBag(caseId, 'un-submission')).record as {
      id: string;
      size: number;
      tagManifestSha256: string;
    };
    const etag = `"${plain.tagManifestSha256}"`;
    const get = (headers: Record<string, string>) => downloadBundle(t, as.coordinator, plain.id, undefined, headers);
    const whole = await get({});
    expect([whole.status, whole.headers.etag, whole.headers['accept-ranges']]).toEqual([200, etag, 'bytes']);
    const head = await get({ Range: 'bytes=0-3', 'If-Range': etag });
    expect([head.status, head.headers['content-range'], (head.body as Buffer).toString('latin1')]).toEqual([
      206,
      `bytes 0-3/${plain.size}`,
      'PK\x03\x04',
    ]);
    const tail = await get({ Range: `bytes=${plain.size - 22}-` });
    expect((tail.body as Buffer).equals((whole.body as Buffer).subarray(plain.size - 22))).toBe(true);
    const changed = await get({ Range: 'bytes=0-3', 'If-Range': '"another-bundle"' });
    expect([changed.status, (changed.body as Buffer).length]).toEqual([200, plain.size]);
    const past = await get({ Range: `bytes=${plain.size}-` });
    expect([past.status, past.headers['content-range']]).toEqual([416, `bytes */${plain.size}`]);
    const ranges = await readAuditLog(
      t.app.get(DataSource),
      `SELECT details->'range' AS range FROM audit_events WHERE action = 'export.download' AND subject_id = $1 AND details ? 'range' ORDER BY seq`,
      [plain.id],
    );
    expect(ranges).toEqual([
      { range: { start: 0, end: 3 } },
      { range: { start: plain.size - 22, end: plain.size - 1 } },
    ]);
  }, 120_000);

  it('ships a file whose name lies about its type under its real extension, keeping the uploaded name in case.json', async () => {
    const { caseId } = await exportableCase();
    // A 1x1 PNG uploaded as a PDF.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const file = await uploadFile(
      t,
      as.coordinator,
      `/cases/${caseId}/attachments`,
      { kind: 'photo' },
      png,
      'scan.pdf',
    );
    const { bag } = await exportBag(caseId, 'internal', { attachmentIds: [file.id] });
    expect(attachmentFiles(bag)).toEqual([`data/attachments/${file.sha256}-scan.png`]);
    const listed = JSON.parse(bag.read('data/case.json')).attachments;
    expect(listed).toEqual([
      expect.objectContaining({
        path: `attachments/${file.sha256}-scan.png`,
        mediaType: 'image/png',
        uploadedName: 'scan.pdf',
      }),
    ]);
  }, 120_000);

  it('collects from one snapshot: a record changed while the export is collected goes out as it was', async () => {
    const { caseId } = await exportableCase();
    const dataSource = t.app.get(DataSource);
    const [incident] = await dataSource.query(`SELECT id FROM incidents WHERE case_id = $1`, [caseId]);
    const consent = t.app.get(ConsentService);
    let changed = false;
    // Between the collector's first reads and its last, a documenter renames the incident.
    const writeMidway: Pick<ConsentService, 'effectiveFor'> = {
      effectiveFor: async (...args) => {
        const current = await requestAs(t, as.investigator, 'get', `/incidents/${incident.id}`);
        const patched = await requestAs(t, as.investigator, 'patch', `/incidents/${incident.id}`, {
          version: current.body.version,
          title: 'Renamed while the export was collected',
        });
        changed = patched.status === 200;
        return consent.effectiveFor(...args);
      },
    };
    const collector = new CaseFileCollector(dataSource, writeMidway as ConsentService, t.app.get(IdentityVaultService));
    const request = {
      actor: { userId: as.coordinator.id, role: as.coordinator.role },
      caseId,
      profile: EXPORT_PROFILES.internal,
      selection: { includeIdentities: false },
    };
    const file = await collector.collect(request);
    expect(changed).toBe(true);
    expect(file.incidents.map((i) => i.title)).toEqual(['Torture at Yodok, 1997']);
    expect(file.custody.some((row) => row.action === 'incident.update')).toBe(false);
    const after = await t.app.get(CaseFileCollector).collect(request);
    expect(after.incidents.map((i) => i.title)).toEqual(['Renamed while the export was collected']);
  }, 120_000);
});

/** A PDF of the bag as `pdftotext` reads it (layout kept, so `label: value` stays on one line). */
function pdfText(bag: UnzippedBag, path: string): string {
  const result = run('pdftotext', ['-layout', path, '-'], bag.root);
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.replace(/[ \t]+/g, ' ');
}

/** Rows that any export, download or identity read would add. */
async function writtenCounts(t: TestApp) {
  const [row] = await readAuditLog(
    t.app.get(DataSource),
    `SELECT (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM case_exports)::int AS exports`,
  );
  return row as { audit: number; exports: number };
}

function rezip(root: string, target: string): void {
  const result = run('zip', ['-q', '-r', '-0', target, '.'], root);
  if (result.status !== 0) throw new Error(result.stderr);
}

function countFiles(dir: string): number {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean }>).filter((e) =>
    e.isFile(),
  ).length;
}

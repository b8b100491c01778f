import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { exifJpeg } from '../evidence/exif-jpeg.js';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  approveTestimony,
  at,
  downloadBundle,
  run,
  unzipBag,
  uploadFile,
  witnessWithTestimony,
  type UnzippedBag,
} from './export-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

/**
 * A hostile reader of a redacted bag: every file (PDFs as their text too) is searched for the
 * redacted words, for any hash or length of unredacted content, and (public bags) for internal ids.
 */
const FAMILY = '김철수';
const VILLAGE = '회령시 유선동';
const ROMAN = 'Kim Chul-su';
const TRANSLATOR = 'Translator Yoon Mi-ra';
// Padded so that their lengths (searched for below) are numbers nothing else in a bag would print.
const PADDING = ' 그날 밤은 매우 추웠습니다.'.repeat(20);
const NARRATIVE = `저는 ${FAMILY}의 딸입니다. 우리 집은 ${VILLAGE}에 있었습니다. 1997년 요덕 수용소에서 아버지가 고문을 당했습니다.${PADDING}`;
const ENGLISH = `I am the daughter of ${ROMAN}. In 1997 my father was tortured at Yodok.${' That night was very cold.'.repeat(13)}`;
// Sizes no PDF page number or date would match by chance.
const ORIGINAL = Buffer.concat([Buffer.from('%PDF-1.7 original naming the guard '), Buffer.alloc(4099 - 35, 0x41)]);
const PHOTO = Buffer.concat([Buffer.from('%PDF-1.7 photo of the house '), Buffer.alloc(5003 - 28, 0x42)]);
const GPS_COPY = exifJpeg(
  {
    make: 'Samsung',
    model: 'SM-G991N',
    dateTimeOriginal: '2018:11:02 14:05:09',
    latitude: { ref: 'N', dms: [41, 45, 36] },
    longitude: { ref: 'E', dms: [129, 43, 12] },
  },
  3001,
);

const CASE_MAP = Buffer.from('%PDF-1.7 map of the camp');
const VICTIM_PHOTO = Buffer.from('%PDF-1.7 photo of a victim');

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('redacted bags leak nothing of what they hide', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let shown: Awaited<ReturnType<typeof witnessWithTestimony>>;
  let hidden: Awaited<ReturnType<typeof witnessWithTestimony>>;
  let original: { id: string; sha256: string };
  let gpsCopy: { id: string; sha256: string };
  let photo: { id: string; sha256: string };
  let orphanIncident: string;
  let caseFile: { id: string; sha256: string };
  let withdrawnFile: { id: string; sha256: string };
  const bags: UnzippedBag[] = [];

  async function exportBag(profile: string, extra: object = {}) {
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile,
      recipient: 'Recipient',
      ...extra,
    });
    expect(res.status).toBe(201);
    const zip = await downloadBundle(t, as.coordinator, res.body.id);
    expect(zip.status).toBe(200);
    const bag = unzipBag(zip.body as Buffer);
    bags.push(bag);
    return { id: res.body.id as string, bag };
  }

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    const inv = as.investigator;
    const scopes = ['internal', 'un_mechanisms', 'courts', 'public_anonymised'];
    shown = await witnessWithTestimony(t, inv, caseA, scopes, NARRATIVE, [{ language: 'en', text: ENGLISH }]);
    hidden = await witnessWithTestimony(t, inv, caseA, ['internal'], `${FAMILY}를 보았습니다.`);
    const current = await requestAs(t, inv, 'get', `/testimonies/${shown.id}`);
    const patched = await requestAs(t, inv, 'patch', `/testimonies/${shown.id}`, {
      version: current.body.version,
      summary: `${FAMILY} and the house in ${VILLAGE}`,
      translations: [{ language: 'en', text: ENGLISH, translator: TRANSLATOR }],
    });
    expect(patched.status).toBe(200);
    const caseNow = await requestAs(t, as.coordinator, 'patch', `/cases/${caseA}`, {
      description: `Testimonies about ${FAMILY}`,
    });
    expect(caseNow.status).toBe(200);
    const tags = `/testimonies/${shown.id}/tags`;
    for (const body of [
      { ...at(NARRATIVE, FAMILY), kind: 'sensitive', sensitiveCategory: 'family_name' },
      { ...at(NARRATIVE, VILLAGE), kind: 'sensitive', sensitiveCategory: 'home_village' },
      { language: 'en', ...at(ENGLISH, ROMAN), kind: 'sensitive', sensitiveCategory: 'family_name' },
      {
        ...at(NARRATIVE, '고문을 당했습니다'),
        victimKind: 'named_person',
        victimName: FAMILY,
        placeText: VILLAGE,
        note: `father ${FAMILY}`,
      },
    ]) {
      const res = await requestAs(t, inv, 'post', tags, body);
      expect(res.status).toBe(201);
    }
    original = await uploadFile(
      t,
      inv,
      `/testimonies/${shown.id}/attachments`,
      { kind: 'drawing' },
      ORIGINAL,
      'drawing.pdf',
    );
    gpsCopy = await uploadFile(
      t,
      inv,
      `/attachments/${original.id}/derivatives`,
      { kind: 'drawing', derivation: 'redacted', reason: 'names removed' },
      GPS_COPY,
      'drawing-redacted.jpg',
    );
    photo = await uploadFile(
      t,
      inv,
      `/testimonies/${shown.id}/attachments`,
      { kind: 'photo', description: `the house of ${FAMILY}` },
      PHOTO,
      `${FAMILY} house.pdf`,
    );
    const incident = await requestAs(t, inv, 'post', '/incidents', {
      caseId: caseA,
      title: `Torture of ${FAMILY}`,
      status: 'confirmed',
      description: `${FAMILY} was beaten; his family lived in ${VILLAGE}.`,
      perpetratorNames: ['Guard Pak'],
      victims: [FAMILY],
      placeText: VILLAGE,
    });
    expect(incident.status).toBe(201);
    const source = await requestAs(t, inv, 'post', `/incidents/${incident.body.id}/sources`, {
      testimonyId: shown.id,
      note: `told by the daughter of ${FAMILY}`,
    });
    expect(source.status).toBe(201);
    const orphan = await requestAs(t, inv, 'post', '/incidents', {
      caseId: caseA,
      title: 'Seen only by a witness who did not consent',
      status: 'confirmed',
      description: 'Executions at the river bank, 1999',
    });
    orphanIncident = orphan.body.id;
    const orphanSource = await requestAs(t, inv, 'post', `/incidents/${orphanIncident}/sources`, {
      testimonyId: hidden.id,
    });
    expect(orphanSource.status).toBe(201);
    caseFile = await uploadFile(
      t,
      as.coordinator,
      `/cases/${caseA}/attachments`,
      { kind: 'document' },
      CASE_MAP,
      'map.pdf',
    );
    const withdrawn = await requestAs(t, inv, 'post', '/incidents', { caseId: caseA, title: 'Entered in error' });
    withdrawnFile = await uploadFile(
      t,
      inv,
      `/incidents/${withdrawn.body.id}/attachments`,
      { kind: 'photo' },
      VICTIM_PHOTO,
      'victim-photo-KIM.pdf',
    );
    const gone = await requestAs(t, inv, 'post', `/incidents/${withdrawn.body.id}/withdraw`, {
      reason: 'entered in error',
    });
    expect(gone.status).toBe(201);
    await approveTestimony(t, inv, as.coordinator, shown.id);
  }, 120_000);

  afterAll(async () => {
    for (const bag of bags) rmSync(join(bag.root, '..', '..'), { recursive: true, force: true });
    await t.close();
  });

  /** Every file of the bag as text; a PDF also as the text pdftotext reads from it. */
  function everyFile(bag: UnzippedBag): Array<[string, string]> {
    return bag.files.flatMap((file): Array<[string, string]> => {
      const raw = readFileSync(join(bag.root, file));
      const entries: Array<[string, string]> = [[file, raw.toString('utf8')]];
      if (file.endsWith('.pdf') && !file.startsWith('data/attachments/')) {
        const text = run('pdftotext', ['-q', join(bag.root, file), '-'], bag.root);
        expect(text.status).toBe(0);
        entries.push([`${file} (text)`, text.stdout]);
      }
      return entries;
    });
  }

  async function unredactedHashes(): Promise<string[]> {
    const rows = (await t.app
      .get(DataSource)
      .query(`SELECT content_sha256 FROM testimony_revisions WHERE testimony_id = ANY($1::uuid[])`, [
        [shown.id, hidden.id],
      ])) as Array<{ content_sha256: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    return [...rows.map((r) => r.content_sha256), sha256(NARRATIVE), sha256(ENGLISH)];
  }

  /** What must be nowhere in a bag that redacts: the words, the hashes and the lengths of what it hides. */
  async function expectNoLeak(bag: UnzippedBag, withheldFiles: Array<{ sha256: string; size: number }>) {
    const words = [FAMILY, VILLAGE, ROMAN];
    const hashes = [...(await unredactedHashes()), ...withheldFiles.map((f) => f.sha256)];
    const lengths = [
      NARRATIVE.length,
      Buffer.byteLength(NARRATIVE),
      ENGLISH.length,
      ...withheldFiles.map((f) => f.size),
    ];
    const shipped = new Set(
      [bag.read('manifest-sha256.txt'), bag.read('tagmanifest-sha256.txt')].flatMap((m) =>
        m
          .trim()
          .split('\n')
          .map((line) => line.slice(0, 64)),
      ),
    );
    // ...and the fingerprint of the signing key, which VERIFY.txt prints.
    shipped.add(sha256(createPublicKey(bag.read('export-signing-key.pem')).export({ type: 'spki', format: 'der' })));
    for (const [file, text] of everyFile(bag)) {
      for (const word of words) expect([file, text.includes(word)]).toEqual([file, false]);
      for (const hash of hashes) expect([file, hash, text.includes(hash)]).toEqual([file, hash, false]);
      // Raw PDF bytes are full of offsets; their text is searched instead.
      // A custody entry's auditSeq is the event's place in the whole log, not a measure of any content: a
      // sequence that reaches a hidden length by chance is no leak (it made this check fail once).
      const measured = text.replace(/"auditSeq":"?\d+"?/g, '"auditSeq":_');
      if (!file.endsWith('.pdf'))
        for (const length of lengths)
          expect([file, length, new RegExp(`(^|[^0-9a-f.])${length}([^0-9a-f]|$)`).test(measured)]).toEqual([
            file,
            length,
            false,
          ]);
      if (file.endsWith('.pdf')) continue;
      // A SHA-256 in the bag may only be the hash of a file the bag ships.
      for (const hex of text.match(/\b[0-9a-f]{64}\b/g) ?? [])
        expect([file, hex, shipped.has(hex)]).toEqual([file, hex, true]);
    }
  }

  it('un-submission: no redacted word, hash or length anywhere; names redacted in tags, incidents, sources, case', async () => {
    const { bag } = await exportBag('un-submission');
    await expectNoLeak(bag, [{ sha256: original.sha256, size: ORIGINAL.length }]);
    const testimony = JSON.parse(bag.read(`data/testimonies/${shown.reference}.json`));
    // Tag ranges point into the redacted narrative the bag holds.
    const tag = testimony.tags.find((x: { quote: string | null }) => x.quote === '고문을 당했습니다');
    expect(testimony.narrative.slice(tag.range.start, tag.range.end)).toBe('고문을 당했습니다');
    const custody = bag
      .read('data/custody-log.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const row of custody) expect(row.hash).toBeUndefined();
  }, 60_000);

  it('prosecution without identities: victimName, incident victims and descriptions, file names are redacted', async () => {
    const { bag } = await exportBag('prosecution');
    await expectNoLeak(bag, []);
    const testimony = JSON.parse(bag.read(`data/testimonies/${shown.reference}.json`));
    const tag = testimony.tags.find((x: { victimKind: string }) => x.victimKind === 'named_person');
    expect(tag.victimName).toBe('[REDACTED]');
    const [incident] = JSON.parse(bag.read('data/incidents.json'));
    expect(incident.victims).toEqual(['[REDACTED]']);
    expect(incident.perpetratorNames).toEqual(['Guard Pak']);
    expect(incident.description).toContain('[REDACTED]');
    expect(bag.files.some((f) => f.startsWith('data/attachments/') && f.endsWith('REDACTED_house.pdf'))).toBe(true);
  }, 60_000);

  it('public-anonymised: no leak, no GPS file, no orphaned incident, no internal id, no translator', async () => {
    const { id, bag } = await exportBag('public-anonymised');
    await expectNoLeak(bag, [
      { sha256: original.sha256, size: ORIGINAL.length },
      { sha256: gpsCopy.sha256, size: GPS_COPY.length },
      { sha256: photo.sha256, size: PHOTO.length },
    ]);
    // The redacted copy still carries capture GPS: it stays out, and the withheld log says why.
    expect(bag.files.filter((f) => f.startsWith('data/attachments/'))).toEqual([]);
    expect(bag.read('data/withheld.csv')).toMatch(/attachment,.*capture location/);
    // An incident only a withheld testimony supports does not go out.
    const incidents = JSON.parse(bag.read('data/incidents.json')) as Array<{ title: string }>;
    expect(incidents.map((i) => i.title)).toEqual(['Torture of [REDACTED]']);
    expect(everyFile(bag).some(([, text]) => text.includes('Executions at the river bank'))).toBe(false);
    expect(bag.read('data/withheld.csv')).toMatch(/incident,.*no source in this export/);
    const testimony = JSON.parse(bag.read(`data/testimonies/${shown.reference}.json`));
    expect(testimony.translations[0].translator).toBeNull();
    // Internal ids (people, records) would let public bags be linked to each other and to staff.
    const db = t.app.get(DataSource);
    const ids = new Set(
      (
        (await db.query(
          `SELECT id::text FROM users UNION ALL SELECT id::text FROM witnesses UNION ALL SELECT id::text FROM testimonies
           UNION ALL SELECT id::text FROM incidents UNION ALL SELECT id::text FROM attachments
           UNION ALL SELECT id::text FROM testimony_annotations UNION ALL SELECT id::text FROM cases
           UNION ALL SELECT id::text FROM case_exports WHERE id <> $1`,
          [id],
        )) as Array<{ id: string }>
      ).map((r) => r.id),
    );
    expect(ids.size).toBeGreaterThan(10);
    for (const [file, text] of everyFile(bag))
      for (const uuid of text.match(UUID) ?? []) expect([file, uuid, ids.has(uuid)]).toEqual([file, uuid, false]);
    const custody = bag
      .read('data/custody-log.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(custody.length).toBeGreaterThan(3);
    for (const row of custody) expect(row.seq).toBeUndefined();
  }, 60_000);

  it('follows the selection: files of the chosen testimony only; the case’s own only when asked; nothing withdrawn', async () => {
    const files = (bag: UnzippedBag) => bag.files.filter((f) => f.startsWith('data/attachments/')).sort();
    const { bag } = await exportBag('internal', { testimonyIds: [shown.id] });
    expect(files(bag)).toEqual(
      [
        `data/attachments/${original.sha256}-drawing.pdf`,
        `data/attachments/${photo.sha256}-${FAMILY}_house.pdf`,
      ].sort(),
    );
    const withCase = await exportBag('internal', { testimonyIds: [shown.id], includeCaseAttachments: true });
    expect(files(withCase.bag)).toContain(`data/attachments/${caseFile.sha256}-map.pdf`);
    const whole = await exportBag('internal');
    expect(files(whole.bag)).toContain(`data/attachments/${caseFile.sha256}-map.pdf`);
    for (const b of [bag, withCase.bag, whole.bag]) {
      expect(files(b).some((f) => f.includes(withdrawnFile.sha256) || f.includes('victim-photo'))).toBe(false);
      expect(b.read('data/case.json')).not.toContain('victim-photo');
    }
    const asked = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'internal',
      recipient: 'Recipient',
      attachmentIds: [withdrawnFile.id],
    });
    expect(asked.status).toBe(201);
    expect(asked.body.attachmentIds).toEqual([]);
    expect(asked.body.withheld).toEqual([
      expect.objectContaining({
        kind: 'attachment',
        id: withdrawnFile.id,
        reason: expect.stringContaining('withdrawn'),
      }),
    ]);
  }, 60_000);

  it('sends only approved records to outside recipients unless asked, and marks each one sent unapproved', async () => {
    const draft = await witnessWithTestimony(
      t,
      as.investigator,
      caseA,
      ['internal', 'un_mechanisms'],
      'An account still being checked. '.repeat(400),
    );
    const held = await exportBag('un-submission', { testimonyIds: [draft.id, shown.id] });
    expect(held.bag.files).not.toContain(`data/testimonies/${draft.reference}.json`);
    expect(held.bag.read('data/withheld.csv')).toContain(
      `testimony,${draft.reference},${draft.pseudonym},not approved (draft); includeUnapproved sends it marked as such`,
    );
    expect(held.bag.read('bag-info.txt')).toContain('Sillok-Unapproved-Included: no');

    const { id, bag } = await exportBag('un-submission', {
      testimonyIds: [draft.id, shown.id],
      includeUnapproved: true,
    });
    const pdf = run('pdftotext', ['-q', join(bag.root, `data/testimonies/${draft.reference}.pdf`), '-'], bag.root);
    const pages = pdf.stdout.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('NOT APPROVED (draft)');
    const approvedPdf = run(
      'pdftotext',
      ['-q', join(bag.root, `data/testimonies/${shown.reference}.pdf`), '-'],
      bag.root,
    );
    expect(approvedPdf.stdout).not.toContain('NOT APPROVED');
    const summary = run('pdftotext', ['-q', join(bag.root, 'data/case-summary.pdf'), '-'], bag.root).stdout;
    expect(summary).toContain('Not approved, sent on the requester');
    expect(summary).toContain(`${draft.reference} (draft)`);
    expect(bag.read('bag-info.txt')).toContain(`Sillok-Unapproved-Included: yes: ${draft.reference} (draft)`);
    const [audit] = await readAuditLog(
      t.app.get(DataSource),
      `SELECT details FROM audit_events WHERE action = 'export.create' AND subject_id = $1`,
      [id],
    );
    expect(audit.details).toMatchObject({ includeUnapproved: true, unapproved: [`${draft.reference} (draft)`] });
  }, 60_000);
});

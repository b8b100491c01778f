import { deflateSync } from 'node:zlib';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exifJpeg } from '../evidence/exif-jpeg.js';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  approveTestimony,
  downloadBundle,
  run,
  unzipBag,
  uploadFile,
  witnessWithTestimony,
  type UnzippedBag,
} from './export-fixtures.js';

/**
 * The PDFs as a reader sees them (pdftotext -layout, pdfinfo, pdfimages): the summary's contents
 * point at each testimony PDF's first page, long titles and file names keep to their lines, and
 * images are shown as thumbnails without their metadata. The preview warns of files with GPS.
 */
const LONG_TITLE =
  'Forced labour at the Chongori re-education camp, where prisoners from Onsong and Hoeryong were made to cut timber through the winter of 1998';
// 200 characters, no space: as a scanner or a phone names a file.
const LONG_NAME = `${'scan_2019-03-14_Hoeryong_interview_page'.repeat(5).slice(0, 196)}.pdf`;

/** A JPEG that carries GPS in its EXIF (APP1) segment, with a frame header so a PDF writer can place it. */
function gpsJpeg(): Buffer {
  const exif = exifJpeg(
    {
      make: 'Samsung',
      model: 'SM-G991N',
      dateTimeOriginal: '2019:03:14 09:30:00',
      latitude: { ref: 'N', dms: [42, 10, 12] },
      longitude: { ref: 'E', dms: [129, 30, 6] },
    },
    600,
  );
  const sos = exif.indexOf(Buffer.from([0xff, 0xda, 0x00, 0x02]));
  // SOF0: 8-bit, 30 x 40 pixels, one component.
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x1e, 0x00, 0x28, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([exif.subarray(0, sos), sof, exif.subarray(sos)]);
}

/** A real 24 x 16 RGB PNG. */
function png(): Buffer {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const [width, height] = [24, 16];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([x * 10, y * 15, 128], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('export PDFs as printed', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let testimony: Awaited<ReturnType<typeof witnessWithTestimony>>;
  let photo: { id: string; sha256: string };
  let longNamed: { id: string; sha256: string };
  let bag: UnzippedBag;

  const pdfText = (path: string, page?: number) =>
    run('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-'], bag.root)
      .stdout;
  const pageCount = (path: string) =>
    Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path], bag.root).stdout)?.[1] ?? NaN);

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    const inv = as.investigator;
    testimony = await witnessWithTestimony(
      t,
      inv,
      caseA,
      ['internal', 'un_mechanisms', 'courts', 'public_anonymised'],
      '1998년 겨울 내내 청거리 교화소에서 벌목을 했습니다.',
    );
    for (const n of [1, 2, 3]) {
      const incident = await requestAs(t, inv, 'post', '/incidents', {
        caseId: caseA,
        title: `${LONG_TITLE} (${n})`,
        status: 'confirmed',
        description: 'Described by one witness.',
      });
      expect(incident.status).toBe(201);
      const source = await requestAs(t, inv, 'post', `/incidents/${incident.body.id}/sources`, {
        testimonyId: testimony.id,
      });
      expect(source.status).toBe(201);
    }
    const files = `/testimonies/${testimony.id}/attachments`;
    photo = await uploadFile(t, inv, files, { kind: 'photo' }, gpsJpeg(), 'camp.jpg');
    await uploadFile(t, inv, files, { kind: 'drawing' }, png(), 'drawing.png');
    longNamed = await uploadFile(
      t,
      inv,
      files,
      { kind: 'document' },
      Buffer.from('%PDF-1.7 a scanned page'),
      LONG_NAME,
    );
    await approveTestimony(t, inv, as.coordinator, testimony.id);
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'internal',
      recipient: 'Counsel',
    });
    expect(res.status).toBe(201);
    const zip = await downloadBundle(t, as.coordinator, res.body.id);
    expect(zip.status).toBe(200);
    bag = unzipBag(zip.body as Buffer);
  }, 120_000);

  afterAll(async () => {
    if (bag) rmSync(join(bag.root, '..', '..'), { recursive: true, force: true });
    await t.close();
  });

  it("the summary's contents give each testimony PDF's first page, as its own footer numbers it", () => {
    const summaryPages = pageCount('data/case-summary.pdf');
    const testimonyPdf = `data/testimonies/${testimony.reference}.pdf`;
    const pages = pageCount(testimonyPdf);
    const first = String(summaryPages + 1).padStart(6, '0');
    const last = String(summaryPages + pages).padStart(6, '0');
    const contents = pdfText('data/case-summary.pdf', 1);
    expect(contents).toMatch(new RegExp(`^\\s*${testimonyPdf} \\(${pages} pages?\\)\\s+${first}$`, 'm'));
    expect(contents).toMatch(new RegExp(`^Testimony PDFs \\(separate files\\)\\s+${first}$`, 'm'));
    // The testimony's own first page is footed with that number, its last with the last.
    expect(pdfText(testimonyPdf, 1)).toMatch(new RegExp(`· ${first}\\s*$`));
    expect(pdfText(testimonyPdf, pages)).toMatch(new RegExp(`· ${last}\\s*$`));
    // And the list of testimonies says where each one's file and pages are.
    const span = pages === 1 ? `page ${first}` : `pages ${first}–${last}`;
    expect(pdfText('data/case-summary.pdf')).toContain(`${testimonyPdf}: ${span}`);
  });

  it('a wrapped incident title takes one line of the contents and never overprints the entries after it', () => {
    const lines = pdfText('data/case-summary.pdf', 1).split('\n');
    // Entries end in a page number; the page's own footer ends in "· 000001".
    const entries = lines.filter((line) => /[^·\s]\s+\d{6}$/.test(line));
    // Every entry on its own line, cut short with an ellipsis, its page number at the end.
    for (const n of [1, 2, 3])
      expect(entries.filter((line) => line.includes(`: ${LONG_TITLE.slice(0, 30)}`))[n - 1]).toMatch(/…\s+\d{6}$/);
    for (const title of ['Case', 'Incidents', 'Testimonies in this export', 'Attachments in this export', 'Withheld'])
      expect(entries.some((line) => new RegExp(`^\\s*${title}\\s+\\d{6}$`).test(line))).toBe(true);
    // No line of the contents is anything but an entry (no overprinted fragments between them).
    const from = lines.findIndex((line) => line.trim() === 'Contents');
    const body = lines.slice(from + 1).filter((line) => line.trim() !== '' && !/· \d{6}$/.test(line));
    expect(body).toEqual(entries);
    // In the body the full title wraps and the next field follows it, not over it.
    const text = pdfText('data/case-summary.pdf');
    expect(text.replace(/\s+/g, ' ')).toContain(`${LONG_TITLE} (1) Status: confirmed`);
  });

  it("an attachment's 200-character name prints in at most two lines, its start and extension shown", () => {
    for (const path of ['data/case-summary.pdf', `data/testimonies/${testimony.reference}.pdf`]) {
      const lines = pdfText(path).split('\n');
      const at = lines.findIndex((line) => line.startsWith(`attachments/${longNamed.sha256.slice(0, 40)}`));
      expect(at).toBeGreaterThan(-1);
      // Two lines: the path's start, an ellipsis, the name's end with its extension; then the next entry.
      expect(`${lines[at]}${lines[at + 1]}`.replace(/ +\d+ bytes$/, '').length).toBeLessThanOrEqual(120);
      expect(`${lines[at]}${lines[at + 1]}`).toMatch(/^attachments\/[0-9a-f]+…[\w-]+/);
      expect(lines[at + 1]).toMatch(/_page\.pdf( +\d+ bytes)?$/);
    }
  });

  it('images are shown as thumbnails in the testimony PDF, the JPEG without its EXIF (GPS)', () => {
    const testimonyPdf = `data/testimonies/${testimony.reference}.pdf`;
    const list = run('pdfimages', ['-list', testimonyPdf], bag.root).stdout;
    const images = list
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => line.trim().split(/\s+/));
    // page num type width height color comp bpc enc
    expect(images.map((cols) => [cols[3], cols[4], cols[8]]).sort()).toEqual([
      ['24', '16', 'image'],
      ['40', '30', 'jpeg'],
    ]);
    const bytes = run('cat', [testimonyPdf], bag.root).stdout;
    expect(bytes).not.toContain('Exif');
    expect(bytes).not.toContain('SM-G991N');
    // The file itself goes in the bag as it was uploaded (its hash is what the manifest checks).
    expect(bag.files.filter((f) => f.startsWith(`data/attachments/${photo.sha256}-`))).toHaveLength(1);
  });

  it('the preview warns of a file that carries its capture location, where the profile lets it out', async () => {
    const preview = (profile: string) =>
      requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports/preview`, { profile, recipient: 'Counsel' });
    const internal = await preview('internal');
    expect(internal.status).toBe(200);
    expect(internal.body.warnings).toContainEqual(
      expect.stringMatching(
        /^[0-9a-f]{64}-camp\.jpg carries where it was captured \(GPS\) and would go out with it: the internal profile does not withhold location$/,
      ),
    );
    // A profile that withholds location never lets such a file out (export-leaks tests which way), so no warning.
    const publicBag = await preview('public-anonymised');
    expect(publicBag.status).toBe(200);
    expect((publicBag.body.warnings as string[]).filter((w) => w.includes('GPS'))).toEqual([]);
    expect(publicBag.body.records).toContainEqual(
      expect.objectContaining({ kind: 'attachment', id: photo.id, included: false }),
    );
  });
});

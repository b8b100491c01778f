import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { BatesCounter, field, heading, renderPdf } from './pdf-document.js';

// The characters a reviewer found printed as boxes, with Korean, kana and Latin around them.
const JAPANESE = '収容所で撃たれた。隠れて届け、戻った。毎日、鉱山で働き、釈放された。';
const KOREAN = '요덕 수용소에서 아버지가 고문을 당했습니다.';
// Simplified Chinese (most of which Noto Sans JP lacks) and the same words in traditional characters.
const SIMPLIFIED = '他们说这时国家把他送进劳动营。';
const TRADITIONAL = '他們說這時國家把他送進勞動營。';
const dir = mkdtempSync(join(tmpdir(), 'sillok-pdf-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tool = (command: string, file: string) =>
  spawnSync(command, [file, ...(command === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });

describe('PDF text in every script', () => {
  it('prints Japanese, Korean and Latin as written: pdftotext returns every character, both fonts embedded as subsets', async () => {
    const pdf = await renderPdf(new BatesCounter('00000000-0000-4000-8000-000000000000'), 'scripts', (doc) => {
      heading(doc, `T-000001: 証言 ${KOREAN.slice(0, 6)}`);
      doc.text(`${KOREAN} ${JAPANESE} Yodok, 1997.`);
      field(doc, 'Interview language', '日本語 (ja)');
    });
    const file = join(dir, 'scripts.pdf');
    writeFileSync(file, pdf);
    const text = tool('pdftotext', file).stdout.replace(/\s+/g, '');
    for (const expected of [KOREAN, JAPANESE, 'Yodok,1997.', 'Interviewlanguage:日本語(ja)', 'T-000001:証言'])
      expect(text).toContain(expected.replace(/\s+/g, ''));
    const fonts = tool('pdffonts', file).stdout;
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansKR-Regular/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Bold/);
    // Subsets: a page of text, not megabytes of font.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('prints simplified and traditional Chinese: every character comes back, Noto Sans SC embedded as a subset', async () => {
    const pdf = await renderPdf(new BatesCounter('00000000-0000-4000-8000-000000000000'), 'zh', (doc) => {
      heading(doc, `证言: ${SIMPLIFIED.slice(0, 4)}`);
      doc.text(`${SIMPLIFIED} ${TRADITIONAL} ${KOREAN} ${JAPANESE} Chongori, 1998.`);
      field(doc, 'Interview language', '中文 (zh-Hans)');
    });
    const file = join(dir, 'zh.pdf');
    writeFileSync(file, pdf);
    const text = tool('pdftotext', file).stdout.replace(/\s+/g, '');
    for (const expected of [
      SIMPLIFIED,
      TRADITIONAL,
      KOREAN,
      JAPANESE,
      '证言:他们说这',
      'Interviewlanguage:中文(zh-Hans)',
    ])
      expect(text).toContain(expected.replace(/\s+/g, ''));
    const fonts = tool('pdffonts', file).stdout;
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(pdf.length).toBeLessThan(200_000);
  });
});

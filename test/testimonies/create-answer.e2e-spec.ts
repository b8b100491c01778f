import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWitness, termId } from '../support/testimony-fixtures.js';

const NARRATIVE = '1997년 무렵 요덕 수용소에서 강제노동을 했습니다. 보위원들이 매일 구타했습니다.';

// POST /testimonies answers from what it wrote instead of reading the testimony back (issue 18):
// whatever the request sets or leaves out, the answer must be the record a GET then reads.
describe('creating a testimony answers the record as read back', () => {
  let t: TestApp;
  let as: RoleLogins;
  let witnessId: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const caseId = await createCase(t, as.coordinator);
    witnessId = await createWitness(t, as.coordinator, caseId);
  });
  afterAll(async () => {
    await t.close();
  });

  const createdAndRead = async (body: Record<string, unknown>) => {
    const created = await requestAs(t, as.coordinator, 'post', '/testimonies', { witnessId, ...body });
    expect({ status: created.status, errors: created.body.errors }).toEqual({ status: 201, errors: undefined });
    const read = await requestAs(t, as.coordinator, 'get', `/testimonies/${created.body.id}`);
    expect(read.status).toBe(200);
    return { created: created.body, read: read.body };
  };

  it('with only the required fields: every field the GET answers, null or default, is in the answer', async () => {
    const { created, read } = await createdAndRead({ forum: 'public_hearing', originalLanguage: 'ko', title: '최소' });
    expect(created).toEqual(read);
    expect(created).toMatchObject({ interviewDate: null, interviewCity: null, narrative: '', translations: [] });
  });

  it('with every field, translations out of order and tags', async () => {
    const torture = await termId(t, 'coi-violation', 'E.2');
    const start = NARRATIVE.indexOf('매일 구타');
    const { created, read } = await createdAndRead({
      forum: 'confidential_interview',
      interviewDate: '2014-03-07',
      interviewCity: 'Seoul',
      interviewCountry: 'KR',
      interviewerIds: [as.investigator.id],
      originalLanguage: 'ko',
      interpreterUsed: true,
      interpreterLanguages: 'ko-en',
      title: '요덕 15호',
      summary: '강제노동과 구타',
      narrative: NARRATIVE,
      translations: [
        { language: 'ja', text: '要徳収容所で強制労働をしました。', translator: 'T. Sato', checked: true },
        { language: 'en', text: 'I did forced labour at Yodok camp.' },
      ],
      tags: [{ start, end: start + '매일 구타'.length, quote: '매일 구타', violationTermIds: [torture] }],
    });
    expect(created).toEqual(read);
    expect(created.translations.map((tr: { language: string }) => tr.language)).toEqual(['en', 'ja']);
  });
});

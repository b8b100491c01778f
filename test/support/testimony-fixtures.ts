import { DataSource } from 'typeorm';
import { requestAs, type LoggedInUser } from './auth-fixtures.js';
import type { TestApp } from './test-app.js';

/** A witness in `caseId`, registered through the API by `user`. */
export async function createWitness(t: TestApp, user: LoggedInUser, caseId: string): Promise<string> {
  return (await registerWitness(t, user, caseId)).id;
}

/** Like `createWitness` with more of the witness's fields; returns the created body (id, pseudonym, version). */
export async function registerWitness(
  t: TestApp,
  user: LoggedInUser,
  caseId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; pseudonym: string; version: number }> {
  const res = await requestAs(t, user, 'post', '/witnesses', { caseId, sex: 'female', languages: ['ko'], ...fields });
  if (res.status !== 201) throw new Error(`creating a witness failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Seals `identity` (legalName, otherNames, familyInDprk, …) as the witness's identity, through the API. */
export async function sealIdentity(
  t: TestApp,
  user: LoggedInUser,
  witnessId: string,
  identity: Record<string, unknown>,
): Promise<void> {
  const res = await requestAs(t, user, 'put', `/witnesses/${witnessId}/identity`, identity);
  if (res.status !== 200) throw new Error(`sealing an identity failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Records `scopes` as the witness's consent now (a narrower set is a withdrawal), through the API. */
export async function recordConsent(
  t: TestApp,
  user: LoggedInUser,
  witnessId: string,
  scopes: string[],
): Promise<void> {
  const res = await requestAs(t, user, 'post', `/witnesses/${witnessId}/consents`, {
    scopes,
    method: 'written',
    takenAt: new Date().toISOString(),
  });
  if (res.status !== 201) throw new Error(`consent failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A testimony's body beyond its witness: the narrative, and any fields that override the fixture's (translations, title, …). */
export type TestimonyFields = { narrative: string } & Record<string, unknown>;

/**
 * A Korean testimony of `witnessId`, logged through the API by `user`: `content` is its narrative,
 * or the narrative with fields that override the body. Returns the created body.
 */
export async function createTestimony(
  t: TestApp,
  user: LoggedInUser,
  witnessId: string,
  content: string | TestimonyFields,
): Promise<{ id: string; version: number; revision: number; caseId: string }> {
  const res = await requestAs(t, user, 'post', '/testimonies', {
    witnessId,
    forum: 'confidential_interview',
    originalLanguage: 'ko',
    title: 'fixture testimony',
    translations: [],
    ...(typeof content === 'string' ? { narrative: content } : content),
  });
  if (res.status !== 201) throw new Error(`creating a testimony failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A tag (annotation) on a passage of a testimony, made through the API; returns the created tag. */
export async function tagPassage(
  t: TestApp,
  user: LoggedInUser,
  testimonyId: string,
  body: object,
): Promise<{ id: string; version: number }> {
  const res = await requestAs(t, user, 'post', `/testimonies/${testimonyId}/tags`, body);
  if (res.status !== 201) throw new Error(`tagging a passage failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The id of a seeded taxonomy term by scheme and code (e.g. 'coi-violation', 'E.2'). */
export async function termId(t: TestApp, scheme: string, code: string): Promise<string> {
  const rows: Array<{ id: string }> = await t.app
    .get(DataSource)
    .query(`SELECT id FROM taxonomy_terms WHERE scheme = $1 AND code = $2`, [scheme, code]);
  if (rows.length !== 1) throw new Error(`no term ${scheme} ${code}`);
  return rows[0].id;
}

/** Seeded term ids by a name of the test's choosing: `[name, scheme, code]` each. */
export async function termIds(
  t: TestApp,
  wanted: ReadonlyArray<readonly [name: string, scheme: string, code: string]>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, scheme, code] of wanted) ids[name] = await termId(t, scheme, code);
  return ids;
}

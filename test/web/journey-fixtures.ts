import { generate } from 'otplib';
import { UserService, type Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { moveTestimony, uploadFile } from '../exports/export-fixtures.js';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { createTestimony, recordConsent, registerWitness } from '../support/testimony-fixtures.js';
import { enrolAndConfirm } from '../support/totp-fixtures.js';
import { samplePng } from './sample-png.js';

/*
 * What each workbench journey finds already there when it starts, made through the API so that any
 * one journey runs alone: the case of journey (a), the testimony of (b) as far as (c) or (d) leave
 * it, the export of (d) and the second factor of (f). Each call makes new accounts: a journey sees
 * only its own people, cases and review queue.
 */

/** A signed-in account and the name it goes by on the screens. */
export type Person = LoggedInUser & { name: string };

let counter = 0;

/** An account whose password is already its own (no first-sign-in change), signed in through the API. */
export async function person(t: TestApp, role: Role, name: string): Promise<Person> {
  return { ...(await createAndLogin(t, role, { displayName: name })), name };
}

/** An account as an administrator's screen makes it: a one-time password that must be changed at first sign-in. */
export async function newAccount(t: TestApp, role: Role, name: string) {
  counter += 1;
  const email = `${role}.first-${counter}.${process.pid}@example.org`;
  const { user, temporaryPassword } = await t.app.get(UserService).create({ email, displayName: name, role });
  return { id: user.id, email, name, password: temporaryPassword! };
}

/** A case opened by a coordinator with `investigator` as a member: journey (a)'s result. */
export async function caseWithInvestigator(t: TestApp, coordinator: Person, investigator: { id: string }) {
  const caseId = await createCase(t, coordinator, {
    title: '요덕 수용소 증언',
    members: [[investigator, CaseRole.Member]],
  });
  const reference = (await requestAs(t, coordinator, 'get', `/cases/${caseId}`).expect(200)).body.reference as string;
  return { caseId, caseUrl: `/app/cases/${reference}` };
}

export interface JourneyTestimony {
  caseId: string;
  caseUrl: string;
  witnessId: string;
  testimonyId: string;
  /** T-000001 and so on: what the screens and the bundle call it. */
  reference: string;
  testimonyUrl: string;
}

/**
 * Journey (b)'s result, submitted for review: in a new case of `coordinator` with `investigator` a
 * member, a witness whose consent (internal use, UN mechanisms, courts) was then narrowed to
 * internal use and UN mechanisms (two versions), and a Korean testimony with an English
 * translation and the photo `yodok-sketch.png`.
 */
export async function testimonyUnderReview(
  t: TestApp,
  coordinator: Person,
  investigator: Person,
  text: { narrative: string; translation: string },
): Promise<JourneyTestimony> {
  const { caseId, caseUrl } = await caseWithInvestigator(t, coordinator, investigator);
  const witnessId = (await registerWitness(t, investigator, caseId, { birthYear: 1975 })).id;
  await recordConsent(t, investigator, witnessId, ['internal', 'un_mechanisms', 'courts']);
  await recordConsent(t, investigator, witnessId, ['internal', 'un_mechanisms']);
  const { id: testimonyId } = await createTestimony(t, investigator, witnessId, {
    title: '요덕 제15호 관리소 구금 증언',
    narrative: text.narrative,
    translations: [{ language: 'en', text: text.translation }],
  });
  await uploadFile(
    t,
    investigator,
    `/testimonies/${testimonyId}/attachments`,
    { kind: 'photo' },
    samplePng(),
    'yodok-sketch.png',
  );
  await moveTestimony(t, investigator, testimonyId, 'submit');
  const reference = (await requestAs(t, investigator, 'get', `/testimonies/${testimonyId}`).expect(200)).body
    .reference as string;
  return { caseId, caseUrl, witnessId, testimonyId, reference, testimonyUrl: `/app/testimonies/${reference}` };
}

/** Journey (c)'s result: the testimony of `testimonyUnderReview`, approved by the coordinator. */
export async function approvedTestimony(
  t: TestApp,
  coordinator: Person,
  investigator: Person,
  text: { narrative: string; translation: string },
): Promise<JourneyTestimony> {
  const made = await testimonyUnderReview(t, coordinator, investigator, text);
  await moveTestimony(t, coordinator, made.testimonyId, 'approve');
  return made;
}

/** Journey (d)'s export: the un-submission profile of the case, for `recipient`. */
export async function exportCase(t: TestApp, coordinator: Person, caseId: string, recipient: string) {
  await requestAs(t, coordinator, 'post', `/cases/${caseId}/exports`, { profile: 'un-submission', recipient }).expect(
    201,
  );
}

/**
 * Journey (f)'s result: the coordinator's second factor, enrolled and confirmed with a code of the
 * real clock (the browser's journeys run on it; `freezeDateMidTotpStep` would stop the server's).
 */
export async function secondFactor(t: TestApp, user: Person): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret, confirmed } = await enrolAndConfirm(t, user.token, (key) => generate({ secret: key }));
  return { secret, recoveryCodes: confirmed.recoveryCodes as string[] };
}

import { requestAs, type LoggedInUser } from './auth-fixtures.js';
import type { TestApp } from './test-app.js';

/** A POST that must answer 201; `what` names it in the error otherwise. */
async function created(
  t: TestApp,
  user: LoggedInUser,
  { path, body, what }: { path: string; body: object; what: string },
): Promise<Record<string, unknown>> {
  const res = await requestAs(t, user, 'post', path, body);
  if (res.status !== 201) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An incident in `caseId` (`fields` add to the title), recorded through the API; returns the created body. */
export async function createIncident<T = { id: string; version: number }>(
  t: TestApp,
  user: LoggedInUser,
  caseId: string,
  fields: Record<string, unknown> = {},
): Promise<T> {
  return (await created(t, user, {
    path: '/incidents',
    body: { caseId, title: 'Fixture incident', ...fields },
    what: 'recording an incident',
  })) as T;
}

/** Links a testimony (or a tagged passage of it) as a source of the incident; returns the incident's body. */
export async function addSource<T = { sources: Array<{ id: string }> }>(
  t: TestApp,
  user: LoggedInUser,
  incidentId: string,
  body: { testimonyId: string } & Record<string, unknown>,
): Promise<T> {
  return (await created(t, user, { path: `/incidents/${incidentId}/sources`, body, what: 'adding a source' })) as T;
}

/** An abductee in `caseId` (`fields` add to a plain name), registered through the API; returns the created body. */
export async function createAbductee(
  t: TestApp,
  user: LoggedInUser,
  caseId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  return (await created(t, user, {
    path: '/abductees',
    body: { caseId, name: 'Fixture abductee', ...fields },
    what: 'registering an abductee',
  })) as {
    id: string;
    version: number;
  };
}

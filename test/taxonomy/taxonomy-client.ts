import type { Test } from 'supertest';
import type { TestApp } from '../support/test-app.js';

/**
 * Requests to the taxonomy routes, as a user holding `token`. The auth guard is built on
 * another branch; until it is merged the routes are reachable without a token and callers
 * pass none. Once it lands, log in per role and pass the tokens: nothing else changes.
 */
export function taxonomyClient(t: TestApp, token?: string) {
  const authorise = (request: Test) => (token ? request.set('authorization', `Bearer ${token}`) : request);
  return {
    get: (path: string) => authorise(t.http().get(path)),
    post: (path: string, body?: object) => authorise(t.http().post(path)).send(body ?? {}),
    patch: (path: string, body?: object) => authorise(t.http().patch(path)).send(body ?? {}),
  };
}

/** Expected seeded terms per scheme (from the reference data; hard-coded so CI needs no ../shared). */
export const SEEDED_COUNTS: Record<string, number> = {
  'coi-violation': 34,
  'rome-art7': 11,
  'rome-art7-context': 4,
  'date-precision': 5,
  'source-connection': 7,
  reliability: 6,
  'location-type': 8,
  'act-type': 11,
  'facility-type': 6,
  facility: 9,
  agency: 9,
  'abduction-category': 7,
  'abductee-status': 6,
};

interface Node {
  code: string;
  children: Node[];
}

export function flatten<T extends Node>(nodes: T[]): T[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children as T[])]);
}

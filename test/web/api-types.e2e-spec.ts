import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
// @ts-expect-error: a plain .mjs script, shared with `npm run web:api-types`; it has no type declarations.
import { openApiToTypes } from '../../apps/web/scripts/openapi-to-types.mjs';

/**
 * The web client's API types are generated from the running API's OpenAPI document and
 * committed. When a route or DTO changes, this fails until `npm run web:api-types` is re-run
 * (against `npm start`), so the client never compiles against a stale contract.
 */
describe('web client API types', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('match GET /api/openapi.json of the running API (re-run `npm run web:api-types` if not)', async () => {
    const document = (await t.http().get('/api/openapi.json').expect(200)).body;
    const committed = readFileSync(join(ROOT, 'apps/web/src/api/schema.d.ts'), 'utf8');
    expect((await openApiToTypes(document)) === committed).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { generateApiTypes } from '../../scripts/api-types.mjs';

/**
 * The web client's API types are generated from the running API's OpenAPI document and
 * committed. When a route or DTO changes, this fails until `npm run web:api-types` is re-run
 * (it builds the document from the compiled app), so the client never compiles against a stale contract.
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
    const file = 'apps/web/src/api/schema.d.ts';
    const committed = readFileSync(join(ROOT, file), 'utf8');
    expect((await generateApiTypes(document, file)) === committed).toBe(true);
  });
});

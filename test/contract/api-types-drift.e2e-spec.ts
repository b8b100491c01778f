import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.mjs';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the committed API types', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('are what the running API document generates (else run npm run api:types)', async () => {
    const served = (await t.http().get('/api/openapi.json').expect(200)).body as object;
    const committed = readFileSync(DEFAULT_TYPES_FILE, 'utf8');
    expect(committed === (await generateApiTypes(served))).toBe(true);
  });
});

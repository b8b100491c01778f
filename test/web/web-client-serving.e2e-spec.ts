import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The API serves the built client: index.html uncached, hashed assets immutable, a strict CSP. */
describe('serving the web client', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['/', '/app', '/app/cases', '/app/testimonies/T-000042'])(
    'answers %s with index.html, no-store and the CSP',
    async (path) => {
      const res = await t.http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.text).toContain('<div id="root">');
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    },
  );

  it('serves content-hashed assets as immutable for a year and 404s unknown ones', async () => {
    const script = readdirSync(join(ROOT, 'dist/web/assets')).find((f) => f.endsWith('.js'))!;
    const res = await t.http().get(`/assets/${script}`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    await t.http().get('/assets/missing-0000.js').expect(404);
  });

  it('leaves API routes to the API (no fallback to index.html)', async () => {
    const res = await t.http().get('/cases');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/json/);
    await t.http().get('/health').expect(200);
    expect((await t.http().get('/no-such-route')).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database, the object store and the audit chain in /health', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      components: { database: { status: 'up' }, objectStore: { status: 'up' }, auditChain: { status: 'up' } },
    });
  });

  it('answers an unknown route with problem details and a request id', async () => {
    const res = await t.http().get('/no-such-route').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:sillok:problem:not-found', status: 404, instance: '/no-such-route' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('keeps a well-formed caller request id and replaces a malformed one', async () => {
    const kept = await t.http().get('/health').set('x-request-id', 'client-req-0001');
    expect(kept.headers['x-request-id']).toBe('client-req-0001');
    const replaced = await t.http().get('/health').set('x-request-id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 problem details, not 500', async () => {
    const res = await t.http().post('/health').set('content-type', 'application/json').send('{"broken":');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.http().get('/api/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/health');
    await t.http().get('/api/docs').expect(200);
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

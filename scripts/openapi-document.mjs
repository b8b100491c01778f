// The OpenAPI document exactly as the API serves it, built from the compiled app (npm run build first).
// The app needs a migrated database to boot, so this makes a throwaway one on the test server
// (TEST_DATABASE_URL, else 127.0.0.1:5432, else embedded) and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, testServer, withAdminClient } from '../test/setup/test-postgres.mjs';

const DUMMY_SECRETS = {
  JWT_SECRET: 'openapi-document-jwt-secret-0123456789abcdef',
  IDENTITY_ENCRYPTION_KEYS: 'k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  MFA_ENCRYPTION_KEY: 'openapi-document-mfa-key-0123456789abcdef',
  AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIOyEyQ2RFENYFOJLFDe8HzIJ8TgvfDCCE5/veNKKu4KY',
  EXPORT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIFmNaJDbK7EF9DzbiAKP3RKZMC2LEbueybxvKoOTgu4p',
};

/** Boots the built app on a throwaway database and returns its OpenAPI document. */
export async function buildServedDocument() {
  const { runMigrations } = await import('../dist/libs/database/src/index.js');
  const { MIGRATIONS } = await import('../dist/migrations/index.js');
  const { loadSettings } = await import('../dist/libs/config/src/index.js');
  const { createLogger } = await import('../dist/libs/core/src/index.js');
  const { createApp } = await import('../dist/apps/api/src/create-app.js');
  const { buildOpenApiDocument } = await import('../dist/apps/api/src/http/openapi.js');

  const { adminUrl, embedded } = await testServer();
  const name = `sillok_openapi_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sillok-openapi-'));
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  try {
    const url = databaseUrl(adminUrl, name);
    await runMigrations(url, MIGRATIONS);
    const settings = loadSettings({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      SILLOK_DATA_DIR: dataDir,
      ...DUMMY_SECRETS,
    });
    const logger = createLogger({ level: 'silent' });
    const app = await createApp({ settings, databaseUrl: url, logger });
    await app.init();
    try {
      return buildOpenApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
    await embedded?.stop?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(await buildServedDocument(), null, 2) + '\n');
}

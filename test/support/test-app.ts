import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadSettings, type Settings } from '@sillok/config';
import { createLogger } from '@sillok/core';
import { createApp } from '../../apps/api/src/create-app.js';
import { contractCheckedClient, type HttpClient } from './contract-checked-client.js';
import type { OpenApiContract } from './openapi-contract.js';
import { runContract } from './run-contract.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_SECRETS = {
  JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
  IDENTITY_ENCRYPTION_KEYS: 'k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  MFA_ENCRYPTION_KEY: 'test-mfa-encryption-key-long-enough-0123456789',
  // Ed25519, for tests only.
  AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIOyEyQ2RFENYFOJLFDe8HzIJ8TgvfDCCE5/veNKKu4KY',
  EXPORT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIFmNaJDbK7EF9DzbiAKP3RKZMC2LEbueybxvKoOTgu4p',
};

export interface TestApp {
  app: INestApplication;
  settings: Settings;
  database: TestDatabase;
  /** supertest against the app; every exchange is checked against the served OpenAPI document. */
  http(): HttpClient;
  /** The served document's contract, for tests that speak HTTP without supertest. */
  contract: OpenApiContract;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Receives every log line (JSON), for tests of what is and is not logged. */
  logDestination?: NodeJS.WritableStream;
  /** Boot a second app on another test app's database (it stays owned, and dropped, by that one). */
  reuseDatabase?: TestDatabase;
}

/** The whole application on its own migrated database, as main.ts builds it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { database, settings, logger, release } = await testEnvironment(options);
  const app = await createApp({ settings, databaseUrl: database.url, logger });
  await app.init();
  const contract = await runContract(app.getHttpServer(), options.env);
  return {
    app,
    settings,
    database,
    http: contractCheckedClient(app.getHttpServer(), contract),
    contract,
    close: async () => {
      await app.close();
      await release();
    },
  };
}

/**
 * What an app under test stands on: its database (cloned, or the one given), its own data directory
 * (evidence objects of this app only, never the checkout's ./data), its settings and its logger;
 * `release` drops the database (unless reused) and removes the data directory.
 */
export async function testEnvironment(options: TestAppOptions = {}) {
  const database = options.reuseDatabase ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'sillok-test-data-'));
  const settings = loadSettings({
    NODE_ENV: 'test',
    SILLOK_DATA_DIR: dataDir,
    LOG_LEVEL: options.logDestination ? 'debug' : 'silent',
    DATABASE_URL: database.url,
    // Many logins from one address; the rate-limit test sets its own low limit.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...TEST_SECRETS,
    ...options.env,
  });
  const logger = createLogger({ level: settings.LOG_LEVEL, destination: options.logDestination ?? process.stdout });
  return {
    database,
    settings,
    logger,
    release: async () => {
      if (!options.reuseDatabase) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

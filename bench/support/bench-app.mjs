// The libraries on a scratch, migrated database of their own, for in-process benchmarks.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, generateEd25519PrivateKey, loadSettings } from '../../dist/libs/config/src/index.js';
import { HealthModule } from '../../dist/libs/core/src/index.js';
import { DatabaseModule, runMigrations } from '../../dist/libs/database/src/index.js';
import { MIGRATIONS } from '../../dist/migrations/index.js';
import { databaseUrl, testServer, withAdminClient } from '../../test/setup/test-postgres.mjs';

/** Secrets for a scratch installation (never used outside the benchmark). */
export function scratchSecrets() {
  return {
    AUDIT_SIGNING_KEY: generateEd25519PrivateKey(),
    JWT_SECRET: randomBytes(32).toString('base64'),
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IDENTITY_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  };
}

/**
 * A scratch database, migrated: `work(url)`, then the database is dropped. On the server the tests
 * use (TEST_DATABASE_URL, else 127.0.0.1:5432, else an embedded one started for the run, so a fresh
 * clone needs nothing installed).
 */
export async function withScratchDatabase(prefix, work) {
  const { adminUrl, embedded } = await testServer();
  const name = `${prefix}_${process.pid}`;
  try {
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    try {
      const url = databaseUrl(adminUrl, name);
      await runMigrations(url, MIGRATIONS);
      return await work(url);
    } finally {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  } finally {
    await embedded?.stop();
  }
}

/** Runs `work(app, url, settings)` with a Nest context holding `modules` on a scratch database. */
export async function withBenchApp(prefix, modules, work, env = {}) {
  return withScratchDatabase(prefix, async (url) => {
    const settings = loadSettings({ NODE_ENV: 'test', DATABASE_URL: url, ...scratchSecrets(), ...env });
    class BenchModule {}
    Module({
      imports: [ConfigModule.forRoot(settings), HealthModule, DatabaseModule.forRoot(url), ...modules],
    })(BenchModule);
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
    try {
      return await work(app, url, settings);
    } finally {
      await app.close();
    }
  });
}

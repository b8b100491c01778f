// The audit library on a scratch, migrated database of its own, for the audit benchmarks.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '../../dist/libs/audit/src/index.js';
import { ConfigModule, generateEd25519PrivateKey, loadSettings } from '../../dist/libs/config/src/index.js';
import { DatabaseModule, runMigrations } from '../../dist/libs/database/src/index.js';
import { MIGRATIONS } from '../../dist/migrations/index.js';
import { DEFAULT_TEST_SERVER, databaseUrl, withAdminClient } from '../../test/setup/test-postgres.mjs';

/** Runs `work(app, url)` with a Nest context holding AuditModule; drops the database after. */
export async function withAuditBenchApp(prefix, work) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
  const name = `${prefix}_${process.pid}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  try {
    const url = databaseUrl(adminUrl, name);
    await runMigrations(url, MIGRATIONS);
    const settings = loadSettings({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      AUDIT_SIGNING_KEY: generateEd25519PrivateKey(),
    });
    class BenchModule {}
    Module({ imports: [ConfigModule.forRoot(settings), DatabaseModule.forRoot(url), AuditModule] })(BenchModule);
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
    try {
      return await work(app, url);
    } finally {
      await app.close();
    }
  } finally {
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

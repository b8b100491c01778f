import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Settings } from '@sillok/config';
import { NestPinoLogger } from '@sillok/core';
import { AppModule } from '../../apps/api/src/app.module.js';
import { testEnvironment, type TestAppOptions } from './test-app.js';
import type { TestDatabase } from './test-database.js';

/** The application's providers on a real database, without HTTP: the service-level test tier (test/service). */
export interface ServiceContext {
  /** `app.get(SomeService)` as in a TestApp, on the same wiring. */
  app: INestApplicationContext;
  settings: Settings;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The whole application module (AppModule, as main.ts registers it) as a Nest application context
 * on its own cloned, migrated database, with the settings of startTestApp, but no HTTP server: no
 * Express, no routes, no OpenAPI document and no contract to compile. For domain rules that need the
 * real database and the real providers but not a request (test/service/*.spec.ts); a rule about what
 * an HTTP answer looks like stays an end-to-end test.
 */
export async function startServiceContext(
  options: Pick<TestAppOptions, 'env' | 'logDestination' | 'reuseDatabase'> = {},
): Promise<ServiceContext> {
  const { database, settings, logger, release } = await testEnvironment(options);
  const app = await NestFactory.createApplicationContext(AppModule.register({ settings, databaseUrl: database.url }), {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  await app.init();
  return {
    app,
    settings,
    database,
    close: async () => {
      await app.close();
      await release();
    },
  };
}

import { NestFactory } from '@nestjs/core';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { ConfigModule, fillDevelopmentSecrets, loadSettings, type Settings } from '@sillok/config';
import { createLogger, HealthModule, NestPinoLogger, type Logger } from '@sillok/core';
import { DatabaseModule, openDatabase, type OpenDatabase } from '@sillok/database';

export interface CliRuntime {
  settings: Settings;
  logger: Logger;
  database: OpenDatabase;
}

/** A command's error that is the user's to fix: printed as one line, exit code 1. */
export class CliError extends Error {}

/**
 * Settings, a logger on stderr (so stdout stays for the command's output) and the
 * database: the same one the server uses, embedded when DATABASE_URL is unset.
 */
export async function withDatabase<T>(work: (runtime: CliRuntime) => Promise<T>): Promise<T> {
  const settings = loadSettings();
  if (settings.NODE_ENV !== 'production') fillDevelopmentSecrets(settings);
  const logger = createLogger({
    level: process.env.LOG_LEVEL ? settings.LOG_LEVEL : 'warn',
    destination: process.stderr,
  });
  // While the server runs on the embedded database, commands use that server's PostgreSQL.
  const database = await openDatabase(settings, logger, { joinRunning: true });
  try {
    return await work({ settings, logger, database });
  } finally {
    await database.close();
  }
}

/** The Nest services of the given feature modules, without HTTP. */
export async function withServices<T>(
  modules: Array<Type | DynamicModule>,
  work: (context: INestApplicationContext, runtime: CliRuntime) => Promise<T>,
): Promise<T> {
  return withDatabase(async (runtime) => {
    @Module({})
    class CliModule {}
    const root: DynamicModule = {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(runtime.settings),
        HealthModule,
        DatabaseModule.forRoot(runtime.database.url),
        ...modules,
      ],
    };
    const context = await NestFactory.createApplicationContext(root, { logger: new NestPinoLogger(runtime.logger) });
    try {
      return await work(context, runtime);
    } finally {
      await context.close();
    }
  });
}

import 'reflect-metadata';
import { resolve } from 'node:path';
import { assertApiProcessSettings, fillDevelopmentSecrets, loadSettings, type Settings } from '@sillok/config';
import { createLogger, fatalMessage, type Logger } from '@sillok/core';
import { openDatabase, runMigrations, type OpenDatabase } from '@sillok/database';
import { MIGRATIONS } from '@sillok/migrations';
import { createApp } from './create-app.js';
import { listenOrExplain } from './listen.js';
import { countRequests } from './shutdown/drain-http-server.js';
import { shutDown, stopOnSignals } from './shutdown/graceful-shutdown.js';

/**
 * Starts the API. Every way it can fail to start (bad settings, unreachable database,
 * port taken) ends here with one line on stderr and exit code 1.
 */
async function main(): Promise<void> {
  const settings = loadSettings();
  assertApiProcessSettings(settings);
  const logger = createLogger({ level: settings.LOG_LEVEL });
  if (settings.NODE_ENV !== 'production') {
    const { file, generated } = fillDevelopmentSecrets(settings);
    if (generated.length) logger.info({ file, generated }, 'generated development secrets');
  }

  let database: OpenDatabase | undefined;
  try {
    database = await openDatabase(settings, logger);
    if (database.embedded) {
      const applied = await runMigrations(database.url, MIGRATIONS);
      if (applied.length) logger.info({ applied }, 'applied migrations');
    }
    const app = await createApp({ settings, databaseUrl: database.url, logger });
    const requests = countRequests(app.getHttpServer());
    await listenOrExplain(app, settings.PORT, settings.HOST);
    announce(logger, settings, database);
    const running = { app, requests, database, graceMs: settings.SHUTDOWN_GRACE_SECONDS * 1000, logger };
    stopOnSignals(logger, () => shutDown(running));
  } catch (error) {
    await database?.close().catch(() => undefined);
    throw error;
  }
}

function announce(
  logger: Logger,
  { HOST: host, PORT: port, SILLOK_DATA_DIR: dataDir }: Pick<Settings, 'HOST' | 'PORT' | 'SILLOK_DATA_DIR'>,
  database: OpenDatabase,
): void {
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  logger.info(
    {
      url: `http://${shownHost}:${port}`,
      docs: `http://${shownHost}:${port}/api/docs`,
      dataDir: resolve(dataDir),
      database: database.embedded ? `embedded PostgreSQL in ${database.embedded.dataDir}` : 'DATABASE_URL',
    },
    `Sillok is listening on http://${shownHost}:${port}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(fatalMessage(error) + '\n');
  process.exit(1);
});

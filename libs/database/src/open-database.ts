import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Settings } from '@sillok/config';
import { assertDatabaseReachable } from './database-reachability.js';
import { describeDatabaseUrl } from './database-url.js';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './embedded-postgres.launcher.js';

export interface OpenDatabase {
  url: string;
  /** Present when Sillok started its own PostgreSQL (no DATABASE_URL). */
  embedded?: RunningEmbeddedPostgres;
  close(): Promise<void>;
}

/** DATABASE_URL when set (production, CI); otherwise an embedded PostgreSQL under the data directory. */
export async function openDatabase(
  settings: Settings,
  logger: Logger,
  options: { joinRunning?: boolean } = {},
): Promise<OpenDatabase> {
  if (settings.DATABASE_URL) {
    await assertDatabaseReachable(settings.DATABASE_URL);
    logger.info({ database: describeDatabaseUrl(settings.DATABASE_URL) }, 'using the database from DATABASE_URL');
    return { url: settings.DATABASE_URL, close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: join(settings.SILLOK_DATA_DIR, 'postgres'),
    port: settings.EMBEDDED_POSTGRES_PORT,
    logger,
    joinRunning: options.joinRunning,
  });
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}

import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import type { MigrationList } from './migration-list.js';
import { poolTimeoutOptions, type DatabaseTimeouts } from './database-timeouts.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * The one description of how Sillok talks to PostgreSQL. The schema changes through
 * migrations only: `synchronize` stays off everywhere, tests included.
 */
export function dataSourceOptions(
  url: string,
  options: {
    migrations?: MigrationList;
    entities?: EntityList;
    applicationName?: string;
    /** The API's limits; unset (migrations, CLI commands) long statements may run. */
    timeouts?: DatabaseTimeouts;
  } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    migrations: options.migrations ?? [],
    entities: options.entities ?? [],
    applicationName: options.applicationName ?? 'sillok',
    extra: { max: 20, ...poolTimeoutOptions(options.timeouts) },
    logging: false,
  };
}

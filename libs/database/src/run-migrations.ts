import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import type { MigrationList } from './migration-list.js';

/** Applies every pending migration, each in its own transaction; returns their names. */
export async function runMigrations(url: string, migrations: MigrationList): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, { migrations, applicationName: 'sillok-migrate' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration; returns its name, or undefined when none is applied. */
export async function revertLastMigration(url: string, migrations: MigrationList): Promise<string | undefined> {
  const dataSource = new DataSource(dataSourceOptions(url, { migrations, applicationName: 'sillok-migrate' }));
  await dataSource.initialize();
  try {
    const before = await dataSource
      .query(`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`)
      .catch(() => []);
    if (!before.length) return undefined;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return before[0].name as string;
  } finally {
    await dataSource.destroy();
  }
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@sillok/database';
import { MIGRATIONS } from '@sillok/migrations';
import { createEmptyDatabase, type TestDatabase } from '../support/test-database.js';
import { startTestApp } from '../support/test-app.js';

async function schemaSnapshot(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const rows: Array<{ item: string }> = await dataSource.query(`
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT 'trigger ' || event_object_table || '.' || trigger_name || ' ' || event_manipulation
        FROM information_schema.triggers WHERE trigger_schema = 'public'
      UNION ALL SELECT 'extension ' || extname FROM pg_extension
      ORDER BY 1`);
    return rows.map((r) => r.item);
  } finally {
    await dataSource.destroy();
  }
}

describe('migrations', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createEmptyDatabase();
  });
  afterAll(async () => {
    await empty.drop();
  });

  it('run up, all the way down, and up again to the same schema', async () => {
    const before = await schemaSnapshot(empty.url);
    const applied = await runMigrations(empty.url, MIGRATIONS);
    expect(applied).toHaveLength(MIGRATIONS.length);
    const migrated = await schemaSnapshot(empty.url);

    const dataSource = new DataSource(dataSourceOptions(empty.url, { migrations: MIGRATIONS }));
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const afterDown = (await schemaSnapshot(empty.url)).filter((item) => !item.includes('schema_migrations'));
    expect(afterDown).toEqual(before);

    await runMigrations(empty.url, MIGRATIONS);
    expect(await schemaSnapshot(empty.url)).toEqual(migrated);
  });

  it('leave nothing for the entities to change (no pending generated migration)', async () => {
    const t = await startTestApp();
    try {
      const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('each have a unique, ordered timestamp and a matching name', () => {
    const stamps = MIGRATIONS.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect(stamps.every(Number.isFinite)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    for (const Migration of MIGRATIONS) expect(new Migration().name).toBe(Migration.name);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, revertLastMigration, runMigrations } from '@sillok/database';
import { MIGRATIONS } from '@sillok/migrations';
import { createEmptyDatabase, type TestDatabase } from '../support/test-database.js';
import { startTestApp } from '../support/test-app.js';

/** Tables, indexes, triggers, extensions, functions and views; a function's comments and layout left out. */
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
      UNION ALL SELECT 'function ' || p.oid::regprocedure || ' ' || regexp_replace(regexp_replace(pg_get_functiondef(p.oid), '--[^\\n]*', '', 'g'), '\\s+', ' ', 'g')
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
      UNION ALL SELECT 'view ' || viewname || ' ' || regexp_replace(definition, '\\s+', ' ', 'g')
        FROM pg_views WHERE schemaname = 'public'
      ORDER BY 1`);
    return rows.map((r) => r.item);
  } finally {
    await dataSource.destroy();
  }
}

/** The schema without the migrations' own ledger, which an undo leaves in place. */
async function schemaWithoutLedger(url: string): Promise<string[]> {
  return (await schemaSnapshot(url)).filter((item) => !item.includes('schema_migrations'));
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
    const afterDown = await schemaWithoutLedger(empty.url);
    expect(afterDown).toEqual(before);

    await runMigrations(empty.url, MIGRATIONS);
    expect(await schemaSnapshot(empty.url)).toEqual(migrated);
  });

  // A down() that restores an older function body than its up() replaced passes the test above
  // (all the way down drops the function anyway): each undo is compared with the state before its up.
  it('each undo restores the schema, functions and views included, that its migration found', async () => {
    const stepwise = await createEmptyDatabase();
    try {
      const found = [await schemaWithoutLedger(stepwise.url)];
      for (let i = 1; i <= MIGRATIONS.length; i++) {
        await runMigrations(stepwise.url, MIGRATIONS.slice(0, i));
        found.push(await schemaWithoutLedger(stepwise.url));
      }
      for (let i = MIGRATIONS.length; i > 0; i--) {
        expect(await revertLastMigration(stepwise.url, MIGRATIONS)).toBe(MIGRATIONS[i - 1].name);
        const restored = await schemaWithoutLedger(stepwise.url);
        const differences = {
          missing: found[i - 1].filter((item) => !restored.includes(item)),
          extra: restored.filter((item) => !found[i - 1].includes(item)),
        };
        expect({ undone: MIGRATIONS[i - 1].name, ...differences }).toEqual({
          undone: MIGRATIONS[i - 1].name,
          missing: [],
          extra: [],
        });
      }
    } finally {
      await stepwise.drop();
    }
  }, 120_000);

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

import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A value for a raw INSERT: what the property holds, or SQL (TypeORM's convention: a function). */
export type InsertRow<T> = { [K in keyof T]?: T[K] | (() => string) };

/** Rows of an entity's table for a raw INSERT: their columns, `(...)` tuples and parameters. */
export interface InsertValues {
  columns: string[];
  tuples: string[];
  parameters: unknown[];
}

/**
 * The rows `rows` (by property name) make for a raw `INSERT INTO table (columns) VALUES tuples`
 * into `target`'s table, as TypeORM's insert would write them: each value converted as TypeORM
 * sends it (a jsonb column as JSON text), DEFAULT where a row leaves a property undefined, a
 * property with no column ignored, a function's SQL inlined. Placeholders are numbered from
 * `first`, so several tables can be written in one statement. For the hot write paths, where
 * TypeORM's query building cost more CPU than the round trip it sends.
 */
export function insertValues<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: ReadonlyArray<InsertRow<T>>,
  first = 1,
): InsertValues {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row).filter((k) => row[k] !== undefined)))]
    .map((property) => metadata.findColumnWithPropertyName(property))
    .filter((column) => column !== undefined);
  const parameters: unknown[] = [];
  const tuples = rows.map((row) => {
    const values = columns.map((column) => {
      const value = row[column.propertyName];
      if (value === undefined) return 'DEFAULT';
      if (typeof value === 'function') return (value as () => string)();
      parameters.push(driver.preparePersistentValue(value, column));
      return `$${first + parameters.length - 1}`;
    });
    return `(${values.join(', ')})`;
  });
  return { columns: columns.map((c) => c.databaseName), tuples, parameters };
}

/** `target`'s column names but those of `leaveOut` (property names), for a RETURNING list. */
export function columnsBut<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  leaveOut: ReadonlyArray<keyof T & string>,
): string[] {
  return manager.connection
    .getMetadata(target)
    .columns.filter((c) => !c.isVirtual && !leaveOut.includes(c.propertyName as keyof T & string))
    .map((c) => c.databaseName);
}

/**
 * An entity from a raw row of its table (column names as RETURNING gives them), each value
 * converted as TypeORM's own reads convert it (a date column stays 'YYYY-MM-DD'). Columns the
 * row lacks stay unset, for the caller to fill with what it wrote.
 */
export function entityFromRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.isVirtual || !(column.databaseName in row)) continue;
    column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

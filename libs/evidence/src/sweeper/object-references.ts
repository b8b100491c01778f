import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Of `keys`, those that a row of this source refers to. */
export type ObjectReferenceSource = (manager: EntityManager, keys: string[]) => Promise<string[]>;

/**
 * Which stored objects rows still refer to. Each library that keeps object keys registers
 * the table holding them (evidence: attachments; exports: case_exports), so the sweeper never
 * reads another library's table. It fails closed: a table with an `object_key` column that
 * nobody registered stops the sweep rather than let it remove that table's objects.
 */
@Injectable()
export class ObjectReferences {
  private readonly sources = new Map<string, ObjectReferenceSource>();

  register(table: string, source: ObjectReferenceSource): void {
    this.sources.set(table, source);
  }

  async referenced(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    await this.assertEveryTableRegistered(manager);
    const found = new Set<string>();
    for (const source of this.sources.values()) for (const key of await source(manager, keys)) found.add(key);
    return found;
  }

  private async assertEveryTableRegistered(manager: EntityManager): Promise<void> {
    const tables: Array<{ table_name: string }> = await manager.query(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'object_key'`,
    );
    const unknown = tables.map((t) => t.table_name).filter((table) => !this.sources.has(table));
    if (unknown.length)
      throw new Error(
        `the object sweeper does not know which objects ${unknown.join(', ')} refers to; nothing was removed`,
      );
  }
}

/** A reference source for a table whose `object_key` column names the object. */
export function objectKeyColumnOf(table: string): ObjectReferenceSource {
  return async (manager, keys) => {
    const rows: Array<{ object_key: string }> = await manager.query(
      `SELECT object_key FROM ${table} WHERE object_key = ANY($1)`,
      [keys],
    );
    return rows.map((r) => r.object_key);
  };
}

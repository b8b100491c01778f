import type { EntityManager } from 'typeorm';
import type { ImportRecordType } from '../record-types/import-record-type.js';

/**
 * Runs `write` (the set-based insert of the records) so that, for a record type that writes its
 * own search documents, no per-row search refresh is queued for its rows (the flag of migration
 * SearchRefreshInBatches, transaction-local and cleared right after), then writes their documents
 * in one statement, in the same transaction. Returns what `write` returns.
 */
export async function writeWithSearchDocuments(
  manager: EntityManager,
  recordType: ImportRecordType,
  caseId: string,
  write: () => Promise<number>,
): Promise<number> {
  if (!recordType.searchDocuments) return write();
  await manager.query(`SELECT set_config('sillok.search_refresh', 'batch', true)`);
  const written = await write();
  await manager.query(`SELECT set_config('sillok.search_refresh', '', true)`);
  await manager.query(recordType.searchDocuments, [caseId]);
  return written;
}

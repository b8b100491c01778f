import type { EntityManager } from 'typeorm';
import type { ImportRecordType } from '../record-types/import-record-type.js';

/**
 * Runs `write` (the set-based insert of the records and their audit events) with no per-row
 * deferred work queued for its rows: no commit trigger per audit event (migration
 * AuditChainOncePerBatch: the import's later import.run event chains them all at commit) and, for
 * a record type that writes its own search documents, no per-row search refresh (migration
 * SearchRefreshInBatches). Both flags are transaction-local and cleared right after. Then writes
 * the search documents in one statement, in the same transaction. Returns what `write` returns.
 */
export async function writeInBatch(
  manager: EntityManager,
  recordType: ImportRecordType,
  caseId: string,
  write: () => Promise<number>,
): Promise<number> {
  const batch = recordType.searchDocuments ? 'batch' : '';
  await manager.query(
    `SELECT set_config('sillok.audit_chain', 'batch', true), set_config('sillok.search_refresh', $1, true)`,
    [batch],
  );
  const written = await write();
  await manager.query(
    `SELECT set_config('sillok.audit_chain', '', true), set_config('sillok.search_refresh', '', true)`,
  );
  if (recordType.searchDocuments) await manager.query(recordType.searchDocuments, [caseId]);
  return written;
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const TRIGGER = `CREATE CONSTRAINT TRIGGER audit_pending_chain_at_commit AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW`;

/**
 * A statement that appends many audit events at once (an import: one per record) need not queue
 * a commit trigger for each (issue 18: no per-row deferred work). While the transaction-local
 * setting sillok.audit_chain is 'batch', inserts into audit_pending queue none; the events are
 * chained as every pending event is (AuditChainInBatches): by the next commit trigger that gets
 * the chain lock, which chains every committed or own pending row it sees, or by audit_seal(). An
 * import writes its import.run event after the records, without the setting, so its own commit
 * chains them all in one firing. Nothing else changes: the events are written in the same
 * transaction as the records, only the owner's functions move them into audit_events, and a
 * transaction that sets the flag can only delay the chaining of its own events until the next
 * seal (every reader of the log seals first).
 */
export class AuditChainOncePerBatch1765090000001 implements MigrationInterface {
  name = 'AuditChainOncePerBatch1765090000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_pending_chain_at_commit ON audit_pending`);
    await queryRunner.query(`${TRIGGER}
      WHEN (current_setting('sillok.audit_chain', true) IS DISTINCT FROM 'batch')
      EXECUTE FUNCTION audit_chain_pending()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_pending_chain_at_commit ON audit_pending`);
    await queryRunner.query(`${TRIGGER} EXECUTE FUNCTION audit_chain_pending()`);
  }
}

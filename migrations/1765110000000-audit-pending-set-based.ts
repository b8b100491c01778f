import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainCommittedFunction, ROW_BY_ROW_REMOVAL } from './1765050000000-audit-chain-in-batches.js';

/**
 * Less work per audited transaction for the same chain (issue 18: audited transactions ran at
 * 0.45 of plain ones).
 * - The chain holder removes the pending rows it chains with one statement, not one DELETE per
 *   row: `DELETE ... RETURNING` takes exactly the rows its snapshot sees (this transaction's own
 *   and other committed ones; the chain lock is held, so no other holder can take them), and
 *   they are hashed in pending-id order as before.
 * - audit_pending_txid_idx goes: since AuditChainInBatches nothing looks pending rows up by
 *   transaction, and every audited insert paid for keeping it.
 * The rows hashed, their order, their times and the hash are unchanged (README "Audit trail").
 */
export class AuditPendingSetBased1765110000000 implements MigrationInterface {
  name = 'AuditPendingSetBased1765110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      chainCommittedFunction(
        'CREATE OR REPLACE',
        'WITH taken AS (DELETE FROM audit_pending RETURNING *) SELECT * FROM taken ORDER BY id',
        '',
      ),
    );
    await queryRunner.query(`DROP INDEX audit_pending_txid_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_pending_txid_idx ON audit_pending (txid)`);
    await queryRunner.query(
      chainCommittedFunction('CREATE OR REPLACE', 'SELECT * FROM audit_pending ORDER BY id', ROW_BY_ROW_REMOVAL),
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one append-only, hash-chained row per audited event (libs/audit).
 * `seq` is the gap-free order of the chain (assigned under an advisory lock by AuditService,
 * never by a sequence, whose values are lost on rollback). No foreign keys: an audit row
 * outlives the user, case or record it names. Triggers refuse UPDATE, DELETE and TRUNCATE
 * for every role, the owner included; production runs the app as a role that has INSERT
 * and SELECT only, so it cannot disable them either (README, "Audit trail").
 */
export class CreateAuditEvents1764280000000 implements MigrationInterface {
  name = 'CreateAuditEvents1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY CHECK (seq >= 1),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid NULL,
        actor_role text NULL,
        action text NOT NULL,
        subject_type text NULL,
        subject_id text NULL,
        case_id uuid NULL,
        request_id text NULL,
        client_address text NULL,
        user_agent text NULL,
        reason text NULL,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
      )`);
    // Filters of GET /audit; each ends in seq so a filtered page is one index range scan in chain order.
    await queryRunner.query(
      `CREATE INDEX audit_events_case_idx ON audit_events (case_id, seq) WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, seq) WHERE subject_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, seq) WHERE actor_user_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, seq)`);
    await queryRunner.query(`CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    // Statement level, so an UPDATE or DELETE is refused even when it matches no row.
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
  }
}

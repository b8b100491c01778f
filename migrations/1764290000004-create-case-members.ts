import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may see a case and with which case role. Removal is recorded (removed_at), never deleted. */
export class CreateCaseMembers1764290000004 implements MigrationInterface {
  name = 'CreateCaseMembers1764290000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_members (
        case_id uuid NOT NULL REFERENCES cases (id),
        user_id uuid NOT NULL REFERENCES users (id),
        case_role text NOT NULL CHECK (case_role IN ('lead', 'member', 'viewer')),
        added_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        PRIMARY KEY (case_id, user_id)
      )`);
    // The access check asks "which cases is this user in": serve it from the index alone.
    await queryRunner.query(
      `CREATE INDEX case_members_user_id_idx ON case_members (user_id, case_id) INCLUDE (case_role) WHERE removed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_members`);
  }
}

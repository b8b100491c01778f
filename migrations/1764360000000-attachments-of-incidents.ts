import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files can belong to incidents too (a satellite image of a camp, a document about an event). */
export class AttachmentsOfIncidents1764360000000 implements MigrationInterface {
  name = 'AttachmentsOfIncidents1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check`);
    await queryRunner.query(
      `ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check CHECK (owner_type IN ('testimony', 'case', 'incident'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check`);
    await queryRunner.query(
      `ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check CHECK (owner_type IN ('testimony', 'case'))`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Capture metadata read from an attachment's bytes at ingest (EXIF date and GPS, MP4 creation time). */
export class CreateAttachmentCaptureMetadata1764350000000 implements MigrationInterface {
  name = 'CreateAttachmentCaptureMetadata1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attachment_capture_metadata (
        attachment_id uuid PRIMARY KEY CONSTRAINT attachment_capture_metadata_attachment_id_fkey REFERENCES attachments (id),
        extracted_at timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL CONSTRAINT attachment_capture_metadata_source_check CHECK (source IN ('exif', 'mvhd')),
        captured_at timestamptz,
        gps_latitude double precision,
        gps_longitude double precision,
        camera_make text,
        camera_model text,
        raw jsonb NOT NULL,
        errors text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE attachment_capture_metadata`);
  }
}

import { ApiProperty } from '@nestjs/swagger';

// GET /fixity, declared once: each class is the OpenAPI description and the type the service returns.

/** One fixity run as the status shows it: when it ran and what it found. */
export class FixityRunSummaryResponse {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'date-time', description: 'its first check (UTC)' }) startedAt: string;
  @ApiProperty({ format: 'date-time', description: 'its last check (UTC)' }) finishedAt: string;
  @ApiProperty({ description: 'attachments checked' }) checked: number;
  @ApiProperty({ description: 'stored objects whose SHA-256 or size differ from the database' }) mismatched: number;
  @ApiProperty({ description: 'stored objects not found' }) missing: number;
}

/** An attachment whose stored object failed the latest run: no content, only what finds it. */
export class FixityStatusFailureResponse {
  @ApiProperty({ format: 'uuid' }) attachmentId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, nullable: true, example: 'CASE-2026-0001' }) caseReference: string | null;
  @ApiProperty({ example: 'testimony' }) ownerType: string;
  @ApiProperty({ description: 'no stored object (else: a mismatch)' }) missing: boolean;
  @ApiProperty() expectedSha256: string;
  @ApiProperty({ type: String, nullable: true }) observedSha256: string | null;
  @ApiProperty() expectedSize: number;
  @ApiProperty({ type: Number, nullable: true }) observedSize: number | null;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
}

export class FixityLatestRunResponse extends FixityRunSummaryResponse {
  @ApiProperty({ description: 'attachments stored now that this run did not check (added since, or cut short)' })
  notChecked: number;

  @ApiProperty({ type: [FixityStatusFailureResponse], description: 'the first 200 failures, in check order' })
  failures: FixityStatusFailureResponse[];
}

export class FixityStatusResponse {
  @ApiProperty({ description: 'attachments stored now' }) attachments: number;
  @ApiProperty({ description: 'attachments no run has ever checked' }) neverChecked: number;

  @ApiProperty({
    type: FixityLatestRunResponse,
    nullable: true,
    description: 'null before the first run of `sillok fixity:check` (or of the scheduled check)',
  })
  latestRun: FixityLatestRunResponse | null;

  @ApiProperty({ type: [FixityRunSummaryResponse], description: 'up to five runs before the latest, newest first' })
  earlierRuns: FixityRunSummaryResponse[];
}

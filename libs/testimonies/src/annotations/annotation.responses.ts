import { ApiProperty } from '@nestjs/swagger';
import { WithdrawalResponse } from '../testimonies.responses.js';
import {
  ANCHOR_STATUSES,
  ANNOTATION_KINDS,
  DATE_PRECISIONS,
  SENSITIVE_CATEGORIES,
  VICTIM_KINDS,
} from './annotation.entity.js';

export class AnnotationRangeResponse {
  @ApiProperty({ description: 'UTF-16 code units, as JavaScript string indices' }) start: number;
  @ApiProperty({ description: 'exclusive' }) end: number;
  @ApiProperty({ description: 'the text at [start, end) when last anchored' }) quote: string;
}

export class VictimResponse {
  @ApiProperty({ enum: VICTIM_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'identifying: never logged, redacted in exports' })
  name: string | null;
  @ApiProperty() nameIsSensitive: boolean;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
}

export class AnnotationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ANNOTATION_KINDS }) kind: string;
  @ApiProperty({ enum: SENSITIVE_CATEGORIES, nullable: true, type: String }) sensitiveCategory: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: the original narrative' }) language: string | null;
  @ApiProperty({ nullable: true, type: AnnotationRangeResponse, description: 'null: the whole testimony' })
  range: AnnotationRangeResponse | null;
  @ApiProperty() anchoredRevision: number;
  @ApiProperty({ enum: ANCHOR_STATUSES }) status: string;
  @ApiProperty({ type: [String], format: 'uuid' }) violationTermIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) actTermIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) facilityTermId: string | null;
  @ApiProperty({ nullable: true, type: String }) placeText: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateTo: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS, nullable: true, type: String }) datePrecision: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) agencyTermIds: string[];
  @ApiProperty({ nullable: true, type: VictimResponse }) victim: VictimResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sourceConnectionTermId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reliabilityTermId: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ nullable: true, type: WithdrawalResponse }) withdrawn: WithdrawalResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'its id in the archive it was imported from' })
  externalId: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

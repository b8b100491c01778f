import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import { DATE_PRECISIONS } from '@sillok/testimonies';
import { ExternalReferenceDto } from './http/abductee.dto.js';
import { IncidentWithdrawalResponse } from '../incidents.responses.js';

export class LastSeenResponse {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) date: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS, nullable: true, type: String }) datePrecision: string | null;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
}

export class AbducteeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'A-000001' }) reference: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when sealed (nameSealed)' }) name: string | null;
  @ApiProperty() nameSealed: boolean;
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) abductionCategoryTermId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) abductedFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) abductedTo: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS, nullable: true, type: String }) abductionDatePrecision: string | null;
  @ApiProperty({ nullable: true, type: String }) abductionPlace: string | null;
  @ApiProperty({ type: LastSeenResponse }) lastSeen: LastSeenResponse;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) statusTermId: string | null;
  @ApiProperty({ type: [ExternalReferenceDto] }) externalReferences: ExternalReferenceDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) testimonyIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) incidentIds: string[];
  @ApiProperty() notes: string;
  @ApiProperty({ nullable: true, type: IncidentWithdrawalResponse }) withdrawn: IncidentWithdrawalResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'its id in the archive it was imported from' })
  externalId: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class AbducteePageResponse extends PageResponseOf(AbducteeResponse) {}

export class AbducteeNameResponse {
  @ApiProperty({ format: 'uuid' }) abducteeId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import { DATE_PRECISIONS } from '@sillok/testimonies';
import { INCIDENT_STATUSES } from './incidents/incident.entity.js';
import { INCIDENT_RELATIONS } from './links/incident-link.entity.js';

// The responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

export class IncidentWithdrawalResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class VictimWitnessResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'W-000123' }) pseudonym: string;
}

export class IncidentSourceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty({ example: 'T-000042' }) testimonyReference: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) annotationId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sourceConnectionTermId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reliabilityTermId: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IncidentLinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INCIDENT_RELATIONS }) relation: string;
  @ApiProperty({ enum: ['outgoing', 'incoming'] }) direction: 'outgoing' | 'incoming';
  @ApiProperty({ format: 'uuid' }) otherIncidentId: string;
  @ApiProperty({ example: 'I-000007' }) otherReference: string;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IncidentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'I-000007' }) reference: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String], format: 'uuid' }) violationTermIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) actTermIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) facilityTermId: string | null;
  @ApiProperty({ nullable: true, type: String }) placeText: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateTo: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS, nullable: true, type: String }) datePrecision: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) agencyTermIds: string[];
  @ApiProperty({ type: [String] }) perpetratorNames: string[];
  @ApiProperty({ type: [VictimWitnessResponse] }) victimWitnesses: VictimWitnessResponse[];
  @ApiProperty({ type: [String], description: 'other victims, described; may identify people at risk' })
  victims: string[];
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: IncidentWithdrawalResponse }) withdrawn: IncidentWithdrawalResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'its id in the archive it was imported from' })
  externalId: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'send it back with the next change (optimistic locking)' }) version: number;
}

export class IncidentResponse extends IncidentSummaryResponse {
  @ApiProperty({ type: [IncidentSourceResponse] }) sources: IncidentSourceResponse[];
  @ApiProperty({ type: [IncidentLinkResponse] }) links: IncidentLinkResponse[];
}

export class IncidentPageResponse extends PageResponseOf(IncidentSummaryResponse) {}

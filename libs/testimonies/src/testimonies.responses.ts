import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import { CONSENT_METHODS, CONSENT_SCOPES } from './consent/consent-record.entity.js';
import type { EffectiveConsent } from './consent/effective-consent.js';
import { WitnessIdentityDto } from './witnesses/http/identity.dto.js';
import { LINK_ASSESSMENTS } from './lineage/testimony-link.entity.js';
import type { DiffOperation } from './revisions/text-diff.js';
import { FORUMS, TESTIMONY_STATUSES } from './testimonies/testimony.entity.js';
import { WITNESS_SEXES } from './witnesses/witness.entity.js';

// The responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

export class WithdrawalResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;
}

/** What a witness looks like to every reader: the pseudonym and attributes, never the identity. */
export class WitnessResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'W-000123' }) pseudonym: string;
  @ApiProperty({ enum: WITNESS_SEXES }) sex: string;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
  @ApiProperty({ nullable: true, type: String }) ageRange: string | null;
  @ApiProperty({ nullable: true, type: String }) provinceOfOrigin: string | null;
  @ApiProperty({ nullable: true, type: Number }) leftDprkYear: number | null;
  @ApiProperty({ nullable: true, type: Number }) arrivalYear: number | null;
  @ApiProperty({ nullable: true, type: String }) currentCountry: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() reprisalRisk: boolean;
  @ApiProperty({ nullable: true, type: String }) reprisalRiskNote: string | null;
  @ApiProperty({ nullable: true, type: WithdrawalResponse }) withdrawn: WithdrawalResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'its id in the archive it was imported from' })
  externalId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class WitnessPageResponse extends PageResponseOf(WitnessResponse) {}

export class IdentityVersionResponse {
  @ApiProperty({ description: 'the new version of the identity record' }) version: number;
}

export class WitnessIdentityResponse {
  @ApiProperty({ format: 'uuid' }) witnessId: string;
  @ApiProperty({ type: WitnessIdentityDto }) identity: WitnessIdentityDto;
  @ApiProperty({ description: 'the key that sealed it' }) keyId: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class EffectiveConsentResponse implements EffectiveConsent {
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scopes: (typeof CONSENT_SCOPES)[number][];
  @ApiProperty({ nullable: true, type: Number }) witnessVersion: number | null;
  @ApiProperty({ nullable: true, type: Number }) testimonyVersion: number | null;
}

export class ConsentRecordResponse {
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) testimonyId: string | null;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ enum: CONSENT_METHODS }) method: string;
  @ApiProperty() conditions: string;
  @ApiProperty() isWithdrawal: boolean;
  @ApiProperty({ format: 'uuid' }) takenBy: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ConsentLedgerResponse {
  @ApiProperty({ format: 'uuid' }) witnessId: string;
  @ApiProperty({ type: EffectiveConsentResponse }) current: EffectiveConsentResponse;
  @ApiProperty({ type: [ConsentRecordResponse] }) records: ConsentRecordResponse[];
}

export class TestimonySummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'T-000042' }) reference: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) witnessId: string;
  @ApiProperty({ example: 'W-000123' }) witnessPseudonym: string;
  @ApiProperty({ enum: FORUMS }) forum: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) interviewDate: string | null;
  @ApiProperty() originalLanguage: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TESTIMONY_STATUSES }) status: string;
  @ApiProperty({ description: 'content revision number' }) revision: number;
  @ApiProperty({ nullable: true, type: WithdrawalResponse }) withdrawn: WithdrawalResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'its id in the archive it was imported from' })
  externalId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'send it back with the next change (optimistic locking)' }) version: number;
}

export class TranslationResponse {
  @ApiProperty() language: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) translator: string | null;
  @ApiProperty() checked: boolean;
}

export class ApprovalResponse {
  @ApiProperty({ format: 'uuid' }) by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class TestimonyResponse extends TestimonySummaryResponse {
  @ApiProperty({ nullable: true, type: String }) interviewCity: string | null;
  @ApiProperty({ nullable: true, type: String }) interviewCountry: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) interviewerIds: string[];
  @ApiProperty() interpreterUsed: boolean;
  @ApiProperty({ nullable: true, type: String }) interpreterLanguages: string | null;
  @ApiProperty() summary: string;
  @ApiProperty() narrative: string;
  @ApiProperty({ type: [TranslationResponse] }) translations: TranslationResponse[];
  @ApiProperty({ nullable: true, type: ApprovalResponse }) approved: ApprovalResponse | null;
  @ApiProperty({ type: EffectiveConsentResponse, description: 'the consent that applies now' })
  consent: EffectiveConsentResponse;
}

export class TestimonyPageResponse extends PageResponseOf(TestimonySummaryResponse) {}

export class RevisionContentResponse {
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() narrative: string;
  @ApiProperty({ type: [TranslationResponse] }) translations: TranslationResponse[];
}

export class RevisionResponse {
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'SHA-256 of the canonical content' }) contentSha256: string;
  @ApiProperty({ type: [String] }) changedFields: string[];
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: RevisionContentResponse, description: 'only when one revision is asked for' })
  content?: RevisionContentResponse;
}

export class RevisionDiffResponse {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [String] }) changedFields: string[];
  @ApiProperty({
    description:
      'per changed field: the title as {before, after}; other fields as a line diff [{op: equal|insert|delete, lines}]',
    type: 'object',
    additionalProperties: true,
  })
  fields: Record<string, { before: string; after: string } | DiffOperation[]>;
}

export class LinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty({ format: 'uuid' }) otherTestimonyId: string;
  @ApiProperty() otherReference: string;
  @ApiProperty({ enum: LINK_ASSESSMENTS }) assessment: string;
  @ApiProperty() notes: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

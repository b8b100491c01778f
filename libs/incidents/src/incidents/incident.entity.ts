import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import type { ReferenceSequence } from '@sillok/database';
import { Case } from '@sillok/cases';
import { TaxonomyTermEntity } from '@sillok/taxonomy';
import { EventColumns } from '@sillok/testimonies';

/** I-000042, numbered by incident_reference_seq (the API and the import alike). */
export const INCIDENT_REFERENCE: ReferenceSequence = { prefix: 'I', sequence: 'incident_reference_seq' };

/** The limits of an incident's fields, in the API's DTOs and the import alike. */
export const INCIDENT_LIMITS = { title: 500, description: 100_000, perpetratorName: 300, perpetrators: 100 } as const;

export const INCIDENT_STATUSES = ['draft', 'under_review', 'confirmed', 'disputed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * An event: what was done, where, when, by whom, to whom. `victims` are descriptions of victims
 * who are not witnesses of the case; they may identify people at risk and are never logged.
 */
@Entity('incidents')
@Index('incidents_external_id_key', { synchronize: false })
@Index('incidents_reference_key', { synchronize: false })
@Index('incidents_case_idx', { synchronize: false })
@Index('incidents_terms_idx', { synchronize: false })
@Index('incidents_facility_idx', { synchronize: false })
@Check('incidents_reference_check', `reference ~ '^I-[0-9]{6,}$'`)
@Check('incidents_status_check', `status IN ('draft', 'under_review', 'confirmed', 'disputed')`)
@Check(
  'incidents_date_precision_check',
  `date_precision IS NULL OR date_precision IN ('exact', 'month', 'year', 'circa', 'unknown')`,
)
@Check('incidents_date_check', `date_to IS NULL OR date_from IS NULL OR date_to >= date_from`)
export class Incident extends EventColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', array: true, default: '{}' })
  perpetratorNames: string[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  victimWitnessIds: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  victims: string[];

  @Column({ type: 'text', default: 'draft' })
  status: IncidentStatus;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'incidents_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({ name: 'facility_term_id', foreignKeyConstraintName: 'incidents_facility_term_id_fkey' })
  facilityTerm?: TaxonomyTermEntity;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'incidents_withdrawn_by_fkey' })
  withdrawer?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'incidents_created_by_fkey' })
  creator?: User;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WithdrawableRecord, type ReferenceSequence } from '@sillok/database';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { TaxonomyTermEntity } from '@sillok/taxonomy';
import type { DatePrecision } from '@sillok/testimonies';

export interface ExternalReference {
  authority: string;
  reference: string;
}

/**
 * An abducted or disappeared person. With `nameAtRisk` the name is sealed like a witness
 * identity (`nameKeyId`, `nameNonce`, `nameCiphertext`) and `name` stays null.
 */
/** A-000042, numbered by abductee_reference_seq. */
export const ABDUCTEE_REFERENCE: ReferenceSequence = { prefix: 'A', sequence: 'abductee_reference_seq' };

@Entity('abductees')
@Index('abductees_external_id_key', { synchronize: false })
@Index('abductees_reference_key', { synchronize: false })
@Index('abductees_case_idx', { synchronize: false })
@Index('abductees_links_idx', { synchronize: false })
@Check('abductees_reference_check', `reference ~ '^A-[0-9]{6,}$'`)
@Check('abductees_nationality_check', `nationality ~ '^[A-Z]{2}$'`)
@Check(
  'abductees_name_check',
  `CASE WHEN name_at_risk THEN name IS NULL AND name_key_id IS NOT NULL AND length(name_nonce) = 12 AND name_ciphertext IS NOT NULL ELSE name_key_id IS NULL AND name_nonce IS NULL AND name_ciphertext IS NULL END`,
)
@Check(
  'abductees_date_precision_check',
  `(abduction_date_precision IS NULL OR abduction_date_precision IN ('exact', 'month', 'year', 'circa', 'unknown')) AND (last_seen_date_precision IS NULL OR last_seen_date_precision IN ('exact', 'month', 'year', 'circa', 'unknown'))`,
)
@Check('abductees_date_check', `abducted_to IS NULL OR abducted_from IS NULL OR abducted_to >= abducted_from`)
export class Abductee extends WithdrawableRecord {
  // The service sets it before insert: the id is the sealed name's associated data.
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column('uuid')
  caseId: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'boolean', default: false })
  nameAtRisk: boolean;

  @Column({ type: 'text', nullable: true })
  nameKeyId: string | null;

  @Column({ type: 'bytea', nullable: true })
  nameNonce: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  nameCiphertext: Buffer | null;

  @Column({ type: 'text', nullable: true })
  nationality: string | null;

  @Column({ type: 'uuid', nullable: true })
  abductionCategoryTermId: string | null;

  @Column({ type: 'date', nullable: true })
  abductedFrom: string | null;

  @Column({ type: 'date', nullable: true })
  abductedTo: string | null;

  @Column({ type: 'text', nullable: true })
  abductionDatePrecision: DatePrecision | null;

  @Column({ type: 'text', nullable: true })
  abductionPlace: string | null;

  @Column({ type: 'date', nullable: true })
  lastSeenDate: string | null;

  @Column({ type: 'text', nullable: true })
  lastSeenDatePrecision: DatePrecision | null;

  @Column({ type: 'text', nullable: true })
  lastSeenPlace: string | null;

  @Column({ type: 'text', nullable: true })
  lastSeenSource: string | null;

  @Column({ type: 'uuid', nullable: true })
  statusTermId: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  externalReferences: ExternalReference[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  testimonyIds: string[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  incidentIds: string[];

  @Column({ type: 'text', default: '' })
  notes: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'abductees_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({
    name: 'abduction_category_term_id',
    foreignKeyConstraintName: 'abductees_abduction_category_term_id_fkey',
  })
  abductionCategoryTerm?: TaxonomyTermEntity;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({ name: 'status_term_id', foreignKeyConstraintName: 'abductees_status_term_id_fkey' })
  statusTerm?: TaxonomyTermEntity;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'abductees_withdrawn_by_fkey' })
  withdrawer?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'abductees_created_by_fkey' })
  creator?: User;
}

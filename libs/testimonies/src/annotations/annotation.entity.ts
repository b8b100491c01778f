import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { TaxonomyTermEntity } from '@sillok/taxonomy';
import { Testimony } from '../testimonies/testimony.entity.js';
import { EventColumns } from './event-columns.js';

/** The limits of a tag's fields, in the API's DTOs and the import alike. */
export const ANNOTATION_LIMITS = { quote: 20_000, victimName: 300, victimDescription: 1000, note: 10_000 } as const;

export const ANNOTATION_KINDS = ['tag', 'sensitive'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export const SENSITIVE_CATEGORIES = ['family_name', 'home_village', 'other'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];
export const ANCHOR_STATUSES = ['anchored', 'needs_review'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
/** HURIDOCS date precision, kept as a small enum (the date-precision scheme lists the same five). */
export const DATE_PRECISIONS = ['exact', 'month', 'year', 'circa', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const VICTIM_KINDS = ['witness', 'named_person', 'unnamed_person'] as const;
export type VictimKind = (typeof VICTIM_KINDS)[number];

/**
 * A passage tag (who did what to whom, where, when) or a sensitive span on a testimony's
 * narrative (language null) or one translation. No range: the tag applies to the whole testimony.
 * `victimName` identifies a person at risk: it never goes to a log or an audit row.
 */
@Entity('testimony_annotations')
@Index('testimony_annotations_external_id_key', { synchronize: false })
@Index('testimony_annotations_testimony_idx', { synchronize: false })
@Index('testimony_annotations_case_idx', { synchronize: false })
@Index('testimony_annotations_terms_idx', { synchronize: false })
@Check('testimony_annotations_kind_check', `kind IN ('tag', 'sensitive')`)
@Check('testimony_annotations_status_check', `status IN ('anchored', 'needs_review')`)
@Check(
  'testimony_annotations_sensitive_check',
  `(kind = 'sensitive') = (sensitive_category IS NOT NULL) AND (sensitive_category IS NULL OR sensitive_category IN ('family_name', 'home_village', 'other')) AND (kind = 'tag' OR range_start IS NOT NULL)`,
)
@Check(
  'testimony_annotations_range_check',
  `(range_start IS NULL AND range_end IS NULL AND quote IS NULL) OR (range_start >= 0 AND range_end > range_start AND quote IS NOT NULL)`,
)
@Check(
  'testimony_annotations_date_precision_check',
  `date_precision IS NULL OR date_precision IN ('exact', 'month', 'year', 'circa', 'unknown')`,
)
@Check('testimony_annotations_date_check', `date_to IS NULL OR date_from IS NULL OR date_to >= date_from`)
@Check(
  'testimony_annotations_victim_check',
  `(victim_kind IS NULL OR victim_kind IN ('witness', 'named_person', 'unnamed_person')) AND (victim_name IS NULL OR victim_kind = 'named_person')`,
)
export class TestimonyAnnotation extends EventColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  testimonyId: string;

  @Column({ type: 'text', default: 'tag' })
  kind: AnnotationKind;

  @Column({ type: 'text', nullable: true })
  sensitiveCategory: SensitiveCategory | null;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ type: 'integer', nullable: true })
  rangeStart: number | null;

  @Column({ type: 'integer', nullable: true })
  rangeEnd: number | null;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column('integer')
  anchoredRevision: number;

  @Column({ type: 'text', default: 'anchored' })
  status: AnchorStatus;

  @Column({ type: 'text', nullable: true })
  victimKind: VictimKind | null;

  @Column({ type: 'text', nullable: true })
  victimName: string | null;

  @Column({ type: 'text', nullable: true })
  victimDescription: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceConnectionTermId: string | null;

  @Column({ type: 'uuid', nullable: true })
  reliabilityTermId: string | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'testimony_annotations_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'testimony_annotations_testimony_id_fkey' })
  testimony?: Testimony;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({ name: 'facility_term_id', foreignKeyConstraintName: 'testimony_annotations_facility_term_id_fkey' })
  facilityTerm?: TaxonomyTermEntity;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({
    name: 'source_connection_term_id',
    foreignKeyConstraintName: 'testimony_annotations_source_connection_term_id_fkey',
  })
  sourceConnectionTerm?: TaxonomyTermEntity;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({
    name: 'reliability_term_id',
    foreignKeyConstraintName: 'testimony_annotations_reliability_term_id_fkey',
  })
  reliabilityTerm?: TaxonomyTermEntity;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'testimony_annotations_withdrawn_by_fkey' })
  withdrawer?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'testimony_annotations_created_by_fkey' })
  creator?: User;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { TermOrigin, TermStatus } from './taxonomy-schemes.js';

/** One term of a controlled vocabulary (migrations 1764300000000 and 1764300002000). */
@Entity('taxonomy_terms')
@Unique('uq_taxonomy_terms_scheme_code', ['scheme', 'code'])
@Index('ix_taxonomy_terms_parent_id', ['parentId'])
@Check('ck_taxonomy_terms_status', `status IN ('active', 'deprecated')`)
@Check('ck_taxonomy_terms_origin', `origin IN ('seed', 'local')`)
@Check('ck_taxonomy_terms_deprecation', `(status = 'deprecated') = (deprecated_reason IS NOT NULL)`)
export class TaxonomyTermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  scheme: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text', nullable: true })
  labelKo: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => TaxonomyTermEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_taxonomy_terms_parent' })
  parent?: TaxonomyTermEntity | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Column({ type: 'text', default: 'active' })
  status: TermStatus;

  @Column({ type: 'text', nullable: true })
  deprecatedReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deprecatedAt: Date | null;

  @Column({ type: 'text' })
  origin: TermOrigin;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

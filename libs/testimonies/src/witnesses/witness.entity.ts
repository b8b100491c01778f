import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WithdrawableRecord, type ReferenceSequence } from '@sillok/database';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';

/** W-000042, numbered by witness_pseudonym_seq (the API and the import alike). */
export const WITNESS_PSEUDONYM: ReferenceSequence = { prefix: 'W', sequence: 'witness_pseudonym_seq' };

/** The limits of a witness's fields, in the API's DTOs and the import alike. */
export const WITNESS_LIMITS = { provinceOfOrigin: 100, languages: 20, reprisalRiskNote: 2000 } as const;

export const WITNESS_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type WitnessSex = (typeof WITNESS_SEXES)[number];

/** A witness as the rest of the system sees them: a pseudonym and non-identifying attributes. */
@Entity('witnesses')
@Index('witnesses_external_id_key', { synchronize: false })
@Index('witnesses_pseudonym_key', { synchronize: false })
@Index('witnesses_case_idx', { synchronize: false })
@Check('witnesses_pseudonym_check', `pseudonym ~ '^W-[0-9]{6,}$'`)
@Check('witnesses_sex_check', `sex IN ('female', 'male', 'other', 'unknown')`)
@Check('witnesses_birth_year_check', `birth_year BETWEEN 1900 AND 2100`)
@Check('witnesses_left_dprk_year_check', `left_dprk_year BETWEEN 1945 AND 2100`)
@Check('witnesses_arrival_year_check', `arrival_year BETWEEN 1945 AND 2100`)
@Check('witnesses_current_country_check', `current_country ~ '^[A-Z]{2}$'`)
export class Witness extends WithdrawableRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  pseudonym: string;

  @Column({ type: 'text', default: 'unknown' })
  sex: WitnessSex;

  @Column({ type: 'integer', nullable: true })
  birthYear: number | null;

  @Column({ type: 'text', nullable: true })
  ageRange: string | null;

  @Column({ type: 'text', nullable: true })
  provinceOfOrigin: string | null;

  @Column({ type: 'integer', nullable: true })
  leftDprkYear: number | null;

  @Column({ type: 'integer', nullable: true })
  arrivalYear: number | null;

  @Column({ type: 'text', nullable: true })
  currentCountry: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'boolean', default: false })
  reprisalRisk: boolean;

  @Column({ type: 'text', nullable: true })
  reprisalRiskNote: string | null;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'witnesses_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'witnesses_withdrawn_by_fkey' })
  withdrawer?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'witnesses_created_by_fkey' })
  creator?: User;
}

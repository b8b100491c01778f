import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const WITNESS_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type WitnessSex = (typeof WITNESS_SEXES)[number];

/** A witness as the rest of the system sees them: a pseudonym and non-identifying attributes. */
@Entity('witnesses')
export class Witness {
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

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column('uuid')
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

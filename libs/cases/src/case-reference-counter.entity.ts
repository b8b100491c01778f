import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number handed out in a year; its row lock serialises concurrent case creation. */
@Entity('case_reference_counters')
export class CaseReferenceCounter {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastNumber: number;
}

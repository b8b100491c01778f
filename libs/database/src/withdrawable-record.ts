import { Column } from 'typeorm';

/**
 * The columns every withdrawable, versioned case record shares: who made it and when, the
 * optimistic-lock version, and withdrawal instead of deletion (when, why, by whom). Entities
 * extend it and declare their own foreign keys to users (constraint names differ per table).
 */
export abstract class WithdrawableRecord {
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

  /** Its id in the archive it was imported from; unique per case (index <table>_external_id_key). */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;
}

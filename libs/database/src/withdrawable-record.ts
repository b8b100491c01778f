import { Column, type EntityManager, type EntityTarget } from 'typeorm';

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

/** A withdrawal as every view shows it. */
export interface Withdrawal {
  at: string;
  reason: string | null;
}

/** The `withdrawn` field of a record's view: null while it stands. */
export function withdrawalOf(record: Pick<WithdrawableRecord, 'withdrawnAt' | 'withdrawnReason'>): Withdrawal | null {
  return record.withdrawnAt ? { at: record.withdrawnAt.toISOString(), reason: record.withdrawnReason } : null;
}

/**
 * Withdraws `record` (found and locked by the caller, who checked the actor's access) with the
 * reason and the next version. A record already withdrawn keeps its first withdrawal: false, and
 * the caller records no event; true when this call withdrew it.
 */
export async function withdrawRecord<T extends WithdrawableRecord & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  record: T,
  withdrawal: { by: string; reason: string },
): Promise<boolean> {
  if (record.withdrawnAt) return false;
  await manager.getRepository(entity).update(
    { id: record.id } as never,
    {
      withdrawnAt: new Date(),
      withdrawnReason: withdrawal.reason,
      withdrawnBy: withdrawal.by,
      version: record.version + 1,
    } as never,
  );
  return true;
}

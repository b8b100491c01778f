import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ResetKind = 'password' | 'mfa';
export type ResetStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'break_glass';

/**
 * A reset of an account that reads identities or exports: asked by one administrator, applied
 * only when a different one approves it (or from the server's command line, break-glass).
 * Kept after its decision: the account's owner is shown who reset it and when.
 */
@Entity('account_reset_requests')
export class AccountResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: ResetKind;

  @Column({ type: 'text' })
  status: ResetStatus;

  /** Null only for a break-glass reset from the command line. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The operator's stated reason (break-glass). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

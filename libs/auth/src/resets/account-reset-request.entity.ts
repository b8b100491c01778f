import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

export type ResetKind = 'password' | 'mfa';
export type ResetStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'break_glass';

/**
 * A reset of an account that reads identities or exports: asked by one administrator, applied
 * only when a different one approves it (or from the server's command line, break-glass).
 * Kept after its decision: the account's owner is shown who reset it and when.
 */
@Entity('account_reset_requests')
@Index('account_reset_requests_pending_key', { synchronize: false })
@Index('account_reset_requests_status_idx', { synchronize: false })
@Check('account_reset_requests_kind_check', `kind IN ('password', 'mfa')`)
@Check('account_reset_requests_status_check', `status IN ('pending', 'approved', 'rejected', 'expired', 'break_glass')`)
@Check('account_reset_requests_requester_check', `(status = 'break_glass') = (requested_by IS NULL)`)
@Check('account_reset_requests_second_person_check', `status <> 'approved' OR decided_by <> requested_by`)
export class AccountResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_reset_requests_user_id_fkey' })
  user?: User;

  @Column({ type: 'text' })
  kind: ResetKind;

  @Column({ type: 'text' })
  status: ResetStatus;

  /** Null only for a break-glass reset from the command line. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'account_reset_requests_requested_by_fkey' })
  requester?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'account_reset_requests_decided_by_fkey' })
  decider?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The operator's stated reason (break-glass). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

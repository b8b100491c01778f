import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountResetRequest } from '../resets/account-reset-request.entity.js';
import type { Role } from '../roles/role.js';
import type { UserStatus } from './user-status.js';

/** An account. Never deleted (records keep their author); disabled instead. */
@Entity('users')
// Constraints and the lower(email) index live in the migration; named here so TypeORM leaves them be.
@Index('users_email_lower_key', { synchronize: false })
@Check('users_email_check', `length(email) BETWEEN 3 AND 254`)
@Check('users_role_check', `role IN ('admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer', 'auditor')`)
@Check('users_status_check', `status IN ('active', 'disabled')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique regardless of case (a unique index on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', default: 'active' })
  status: UserStatus;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** The TOTP secret, AES-256-GCM encrypted (totp-secret-cipher.ts); set at enrolment. */
  @Column({ type: 'text', nullable: true })
  mfaSecretEncrypted: string | null;

  /** Set when the first code confirmed the enrolment: from then on login asks for a code. */
  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt: Date | null;

  /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
  @Column({ type: 'bigint', nullable: true })
  mfaLastTimeStep: string | null;

  /** The last approved or break-glass reset (account_reset_requests); null: never reset that way. */
  @Column({ type: 'uuid', nullable: true })
  resetRequestId: string | null;

  // Named by string and imported as a type only: the request entity refers to User, so a runtime
  // reference here would be a circular import.
  @ManyToOne('AccountResetRequest')
  @JoinColumn({ name: 'reset_request_id', foreignKeyConstraintName: 'users_reset_request_id_fkey' })
  resetRequest?: AccountResetRequest;

  /** When the owner confirmed a factor after that reset; until then identity reads and exports are refused. */
  @Column({ type: 'timestamptz', nullable: true })
  resetConfirmedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

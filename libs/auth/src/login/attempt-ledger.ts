import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { Settings } from '@sillok/config';
import { queryRows } from '@sillok/database';
import type { User } from '../users/user.entity.js';

/**
 * Password and second-factor attempts, counted in PostgreSQL *before* the verification runs
 * (issue 23.5), so that any number of parallel tries, on one API process or several, checks
 * at most LOGIN_LOCKOUT_THRESHOLD secrets before the account locks.
 *
 * reserve() adds one to users.failed_login_count in a committed statement of its own, only while
 * the account is active, unlocked and under the threshold; the row lock of that UPDATE orders
 * concurrent reservations and each re-reads the row it waited for. A reservation is a failure
 * until proven otherwise: fail() keeps it (and locks once the count reaches the threshold),
 * release() gives it back after a right password or code, and a completed login resets the count.
 * A process that dies mid-check leaves it counted, which errs on the side of the witness.
 */
@Injectable()
export class AttemptLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: Settings,
  ) {}

  /** True when an attempt may be checked now; false when the account is disabled, locked or at its limit. */
  async reserve(userId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE users SET failed_login_count = failed_login_count + 1
        WHERE id = $1 AND status = 'active' AND (locked_until IS NULL OR locked_until <= now())
          AND failed_login_count < $2
        RETURNING id`,
      [userId, this.settings.LOGIN_LOCKOUT_THRESHOLD],
    );
    return rows.length === 1;
  }

  /** The reserved attempt was right: it no longer counts as a failure. */
  async release(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_login_count = greatest(failed_login_count - 1, 0) WHERE id = $1`,
      [userId],
    );
  }

  /**
   * The reserved attempt was wrong: audited; at the threshold the account locks for
   * LOGIN_LOCKOUT_MINUTES and the count starts again (attempts still in flight stay refused
   * by the lock). Also audits a refusal without a reservation (`reason` disabled or locked).
   */
  async fail(user: Pick<User, 'id' | 'role'>, reason: string): Promise<void> {
    const { LOGIN_LOCKOUT_THRESHOLD: threshold, LOGIN_LOCKOUT_MINUTES: minutes } = this.settings;
    await this.audit.transaction(async (manager, audit) => {
      const locked = await queryRows<{ id: string }>(
        manager,
        `UPDATE users SET locked_until = now() + make_interval(mins => $3), failed_login_count = 0
          WHERE id = $1 AND failed_login_count >= $2 AND (locked_until IS NULL OR locked_until <= now())
          RETURNING id`,
        [user.id, threshold, minutes],
      );
      const actor = { userId: user.id, role: user.role };
      audit({
        action: AuditAction.AuthLoginFailed,
        subjectType: 'user',
        subjectId: user.id,
        actor,
        details: { reason },
      });
      if (locked.length) {
        audit({
          action: AuditAction.AuthLockout,
          subjectType: 'user',
          subjectId: user.id,
          actor,
          details: { threshold, minutes },
        });
      }
    });
  }
}

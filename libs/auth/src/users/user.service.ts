import { Injectable } from '@nestjs/common';
import { DataSource, In, Raw, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, ErrorCode, pageOf, type Actor, type Page } from '@sillok/core';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertAcceptablePassword, generateTemporaryPassword } from '../passwords/password-policy.js';
import { Role } from '../roles/role.js';
import { permissionsOf } from '../roles/role-permissions.js';
import { revokeUserSessions } from '../sessions/session-revoker.js';
import { User } from './user.entity.js';
import { UserStatus } from './user-status.js';
import { toUserView } from './user.view.js';
import type { UserResponse, UserWithPasswordResponse } from './user.responses.js';

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  /** Omitted: a one-time password is generated, returned once, and must be changed at first login. */
  password?: string;
  /** Force a change at first login even for a chosen password (always, when an administrator chose it). */
  mustChangePassword?: boolean;
}

const UNIQUE_VIOLATION = '23505';
const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Accounts: created, changed, disabled and re-enabled by administrators (and the CLI); never deleted. */
@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(input: CreateUserInput): Promise<UserWithPasswordResponse> {
    const email = input.email.trim();
    // The HTTP DTO checks these too; the CLI reaches this method directly.
    if (!PLAUSIBLE_EMAIL.test(email))
      throw DomainError.validation([{ field: 'email', reason: 'email must be an email address' }]);
    if (!input.displayName.trim())
      throw DomainError.validation([{ field: 'displayName', reason: 'displayName must not be empty' }]);
    const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : undefined;
    const password = input.password ?? temporaryPassword!;
    if (input.password !== undefined) assertAcceptablePassword(password, email);
    const passwordHash = await this.hasher.hash(password);
    try {
      const user = await this.audit.transaction(async (manager, audit) => {
        const created = await manager.getRepository(User).save(
          manager.getRepository(User).create({
            email,
            displayName: input.displayName.trim(),
            role: input.role,
            status: UserStatus.Active,
            passwordHash,
            mustChangePassword: temporaryPassword !== undefined || input.mustChangePassword === true,
          }),
        );
        audit({
          action: AuditAction.UserCreate,
          subjectType: 'user',
          subjectId: created.id,
          details: { role: created.role, passwordGenerated: temporaryPassword !== undefined },
        });
        return created;
      });
      return { user: await this.get(user.id), temporaryPassword };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError(ErrorCode.Conflict, 'a user with this email already exists');
      }
      throw error;
    }
  }

  async list(query: { limit: number; offset: number }): Promise<Page<UserResponse>> {
    const [users, total] = await this.dataSource.getRepository(User).findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return pageOf(users.map(toUserView), total, query);
  }

  async get(id: string): Promise<UserResponse> {
    return toUserView(await this.find(id));
  }

  /** The caller's own account with the permissions their role grants. */
  async describeSelf(actor: Actor): Promise<UserResponse & { permissions: string[] }> {
    return { ...(await this.get(actor.userId)), permissions: permissionsOf(actor.role) };
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .findOne({ where: { email: Raw((column) => `lower(${column}) = lower(:email)`, { email }) } });
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  /** Display name and role. A new role ends the user's sessions: their old tokens carry the old role. */
  async update(id: string, changes: { displayName?: string; role?: Role }): Promise<UserResponse> {
    await this.audit.transaction(async (manager, audit) => {
      const user = await this.lockUser(manager, id);
      const changed: string[] = [];
      if (changes.displayName !== undefined && changes.displayName.trim() !== user.displayName) {
        user.displayName = changes.displayName.trim();
        changed.push('displayName');
      }
      const previousRole = user.role;
      if (changes.role !== undefined && changes.role !== user.role) {
        if (user.role === Role.Admin) await this.assertAnotherActiveAdmin(manager, user.id);
        user.role = changes.role;
        changed.push('role');
      }
      if (!changed.length) return;
      user.updatedAt = new Date();
      await manager.getRepository(User).save(user);
      if (changed.includes('displayName')) {
        audit({
          action: AuditAction.UserUpdate,
          subjectType: 'user',
          subjectId: id,
          details: { fields: ['displayName'] },
        });
      }
      if (changed.includes('role')) {
        const sessions = await revokeUserSessions(manager, id, 'role_changed');
        audit({
          action: AuditAction.UserRoleChange,
          subjectType: 'user',
          subjectId: id,
          details: { from: previousRole, to: user.role, sessionsRevoked: sessions.length },
        });
      }
    });
    return this.get(id);
  }

  async disable(id: string, actor?: Actor): Promise<UserResponse> {
    if (actor?.userId === id) throw new DomainError(ErrorCode.Conflict, 'you cannot disable your own account');
    await this.audit.transaction(async (manager, audit) => {
      const user = await this.lockUser(manager, id);
      if (user.status === UserStatus.Disabled) return;
      if (user.role === Role.Admin) await this.assertAnotherActiveAdmin(manager, user.id);
      await manager.getRepository(User).update(id, { status: UserStatus.Disabled, updatedAt: new Date() });
      const sessions = await revokeUserSessions(manager, id, 'user_disabled');
      audit({
        action: AuditAction.UserDisable,
        subjectType: 'user',
        subjectId: id,
        details: { sessionsRevoked: sessions.length },
      });
    });
    return this.get(id);
  }

  async enable(id: string): Promise<UserResponse> {
    await this.audit.transaction(async (manager, audit) => {
      const user = await this.lockUser(manager, id);
      // An active account that is locked out is re-enabled too: re-enabling always lifts the lock.
      const locked = user.lockedUntil !== null && user.lockedUntil > new Date();
      if (user.status === UserStatus.Active && !locked && user.failedLoginCount === 0) return;
      await manager
        .getRepository(User)
        .update(id, { status: UserStatus.Active, failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() });
      audit({ action: AuditAction.UserEnable, subjectType: 'user', subjectId: id, details: { unlocked: locked } });
    });
    return this.get(id);
  }

  /** The user's own change: the current password is required; other sessions end, this one stays. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.find(actor.userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw DomainError.validation([
        { field: 'currentPassword', reason: 'currentPassword is not the current password' },
      ]);
    }
    if (newPassword === currentPassword) {
      throw DomainError.validation([{ field: 'newPassword', reason: 'newPassword must differ from the current one' }]);
    }
    assertAcceptablePassword(newPassword, user.email, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.audit.transaction(async (manager, audit) => {
      await manager
        .getRepository(User)
        .update(user.id, { passwordHash, mustChangePassword: false, updatedAt: new Date() });
      const sessions = await revokeUserSessions(manager, user.id, 'password_changed', actor.sessionId);
      audit({
        action: AuditAction.UserPasswordChange,
        subjectType: 'user',
        subjectId: user.id,
        details: { otherSessionsRevoked: sessions.length },
      });
    });
  }

  /** Display names of the given accounts (for showing who did something), by id. */
  async namesOf(ids: Array<string | null>): Promise<Map<string, { id: string; displayName: string }>> {
    const wanted = ids.filter((id): id is string => id !== null);
    const users = wanted.length ? await this.dataSource.getRepository(User).findBy({ id: In(wanted) }) : [];
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
  }

  async find(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw DomainError.notFound('user');
    return user;
  }

  private async lockUser(manager: EntityManager, id: string): Promise<User> {
    const user = await manager.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw DomainError.notFound('user');
    return user;
  }

  // Sillok must always keep one administrator who can sign in, or nobody can manage accounts.
  private async assertAnotherActiveAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    const others = await manager.getRepository(User).count({
      where: { role: Role.Admin, status: UserStatus.Active, id: Raw((c) => `${c} <> :exceptId`, { exceptId }) },
    });
    if (others === 0) throw new DomainError(ErrorCode.Conflict, 'this is the last active administrator');
  }
}

import type { User } from './user.entity.js';

/** A user as the API shows it: never the password hash, failure counter or TOTP secret. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: string;
  status: string;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(user: User): UserView {
  const locked = user.lockedUntil && user.lockedUntil.getTime() > Date.now() ? user.lockedUntil.toISOString() : null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    mfaEnabled: user.mfaEnabledAt !== null,
    lockedUntil: locked,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

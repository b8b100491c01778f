import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import { ResetNoticeResponse } from '../resets/account-reset.responses.js';
import { Role } from '../roles/role.js';
import { UserStatus } from './user-status.js';

// The account responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

/** A user as the API shows it: never the password hash, failure counter or TOTP secret. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: Role })
  role: string;

  @ApiProperty({ enum: UserStatus })
  status: string;

  @ApiProperty({ description: 'a one-time password is in use: only POST /auth/password works until it is changed' })
  mustChangePassword: boolean;

  @ApiProperty()
  mfaEnabled: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'set while locked out' })
  lockedUntil: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SelfResponse extends UserResponse {
  @ApiProperty({ type: [String], example: ['case.read', 'testimony.read'] })
  permissions: string[];

  @ApiProperty({
    type: ResetNoticeResponse,
    nullable: true,
    description: 'the last reset of this account by two administrators or break-glass: who, when, confirmed yet',
  })
  lastReset: ResetNoticeResponse | null;
}

export class UserPageResponse extends PageResponseOf(UserResponse) {}

export class UserWithPasswordResponse {
  @ApiProperty({ type: UserResponse })
  user: UserResponse;

  @ApiPropertyOptional({ description: 'only when Sillok generated the password: shown this once, stored nowhere' })
  temporaryPassword?: string;
}

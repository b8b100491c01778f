import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SessionView } from '../sessions/session.service.js';
import type { TokenPair } from '../sessions/token-pair.js';

// OpenAPI descriptions of the login responses; the services return plain objects of these shapes.

export class TokenPairResponse implements TokenPair {
  @ApiProperty({ enum: ['authenticated'] })
  status: 'authenticated';

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'JWT; send as `Authorization: Bearer ...`' })
  accessToken: string;

  @ApiProperty({ description: 'seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ description: 'single use: POST /auth/refresh returns a new one; a reused one ends the session' })
  refreshToken: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt: string;

  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty()
  mustChangePassword: boolean;
}

/** One of three shapes, told apart by `status`. */
export class LoginResponse {
  @ApiProperty({ enum: ['authenticated', 'mfa_required', 'mfa_enrolment_required'] })
  status: string;

  @ApiPropertyOptional({ description: 'status authenticated: see TokenPairResponse for the other fields' })
  accessToken?: string;

  @ApiPropertyOptional({ description: 'status mfa_required: send it with the code to POST /auth/login/mfa' })
  mfaToken?: string;

  @ApiPropertyOptional({
    description: 'status mfa_enrolment_required: reaches only /auth/me, /auth/password and /auth/mfa/enrol|confirm',
  })
  enrolmentToken?: string;

  @ApiProperty()
  expiresIn: number;
}

export class SessionResponse implements SessionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  lastUsedAt: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true })
  clientAddress: string | null;

  @ApiProperty()
  mfaVerified: boolean;

  @ApiProperty({ description: 'the session of this request' })
  current: boolean;
}

export class RevokedSessionsResponse {
  @ApiProperty({ description: 'how many other sessions were ended' })
  revoked: number;
}

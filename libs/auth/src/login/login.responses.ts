import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { MfaEnrolmentRequired, MfaRequired } from './login-outcome.js';
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

export class MfaRequiredResponse implements MfaRequired {
  @ApiProperty({ enum: ['mfa_required'] })
  status: 'mfa_required';

  @ApiProperty({ description: 'send it with the code to POST /auth/login/mfa' })
  mfaToken: string;

  @ApiProperty({ description: 'seconds until the mfaToken expires' })
  expiresIn: number;
}

export class MfaEnrolmentRequiredResponse implements MfaEnrolmentRequired {
  @ApiProperty({ enum: ['mfa_enrolment_required'] })
  status: 'mfa_enrolment_required';

  @ApiProperty({ description: 'reaches only /auth/me, /auth/password and /auth/mfa/enrol|confirm' })
  enrolmentToken: string;

  @ApiProperty({ description: 'seconds until the enrolment token expires' })
  expiresIn: number;
}

/** POST /auth/login answers one of three shapes, told apart by `status`. */
export const LOGIN_RESPONSE_MODELS = [TokenPairResponse, MfaRequiredResponse, MfaEnrolmentRequiredResponse];

export const LOGIN_RESPONSE_SCHEMA = {
  oneOf: LOGIN_RESPONSE_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'status',
    mapping: {
      authenticated: getSchemaPath(TokenPairResponse),
      mfa_required: getSchemaPath(MfaRequiredResponse),
      mfa_enrolment_required: getSchemaPath(MfaEnrolmentRequiredResponse),
    },
  },
};

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

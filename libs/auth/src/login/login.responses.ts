import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

// The login responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

/** What a completed login or refresh returns. */
export class TokenPairResponse {
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

/** Step one found a second factor: no tokens yet, only a short-lived challenge for POST /auth/login/mfa. */
export class MfaRequiredResponse {
  @ApiProperty({ enum: ['mfa_required'] })
  status: 'mfa_required';

  @ApiProperty({ description: 'send it with the code to POST /auth/login/mfa' })
  mfaToken: string;

  @ApiProperty({ description: 'seconds until the mfaToken expires' })
  expiresIn: number;
}

/**
 * The role must use a second factor and the user has none yet: an access token that only
 * reaches /auth/me and the /auth/mfa enrolment routes; confirming the factor completes the login.
 */
export class MfaEnrolmentRequiredResponse {
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

export class SessionResponse {
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

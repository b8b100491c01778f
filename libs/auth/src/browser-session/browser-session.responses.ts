import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { MfaEnrolmentRequiredResponse, MfaRequiredResponse } from '../login/login.responses.js';

/** A completed browser login or refresh: the refresh token went into the cookie, not here. */
export class BrowserSessionResponse {
  @ApiProperty({ enum: ['authenticated'] })
  status: 'authenticated';

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'JWT; keep in memory only and send as `Authorization: Bearer ...`' })
  accessToken: string;

  @ApiProperty({ description: 'seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty()
  mustChangePassword: boolean;

  @ApiProperty({ description: 'minutes without user activity after which the browser client signs out' })
  idleTimeoutMinutes: number;
}

/** A first login that enrolled its second factor: the recovery codes (shown once) and the session. */
export class BrowserEnrolmentResponse {
  @ApiProperty({ type: [String], description: 'ten single-use codes, shown this once' })
  recoveryCodes: string[];

  @ApiProperty({ type: BrowserSessionResponse })
  session: BrowserSessionResponse;
}

/** POST /auth/browser/login answers a browser session or one of the second-factor steps, told apart by `status`. */
export const BROWSER_LOGIN_RESPONSE_MODELS = [
  BrowserSessionResponse,
  MfaRequiredResponse,
  MfaEnrolmentRequiredResponse,
];

export const BROWSER_LOGIN_RESPONSE_SCHEMA = {
  oneOf: BROWSER_LOGIN_RESPONSE_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'status',
    mapping: {
      authenticated: getSchemaPath(BrowserSessionResponse),
      mfa_required: getSchemaPath(MfaRequiredResponse),
      mfa_enrolment_required: getSchemaPath(MfaEnrolmentRequiredResponse),
    },
  },
};

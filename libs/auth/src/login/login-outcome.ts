import type { TokenPair } from '../sessions/token-pair.js';

/** Step one found a second factor: no tokens yet, only a short-lived challenge for POST /auth/login/mfa. */
export interface MfaRequired {
  status: 'mfa_required';
  mfaToken: string;
  expiresIn: number;
}

/**
 * The role must use a second factor and the user has none yet: an access token that only
 * reaches /auth/me and the /auth/mfa enrolment routes; confirming the factor completes the login.
 */
export interface MfaEnrolmentRequired {
  status: 'mfa_enrolment_required';
  enrolmentToken: string;
  expiresIn: number;
}

export type LoginOutcome = TokenPair | MfaRequired | MfaEnrolmentRequired;

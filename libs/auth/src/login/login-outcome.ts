import type { MfaEnrolmentRequiredResponse, MfaRequiredResponse, TokenPairResponse } from './login.responses.js';

export type LoginOutcome = TokenPairResponse | MfaRequiredResponse | MfaEnrolmentRequiredResponse;

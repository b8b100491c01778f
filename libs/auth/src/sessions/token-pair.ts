/** What a completed login or refresh returns. */
export interface TokenPair {
  status: 'authenticated';
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Single use: each refresh returns a new one; presenting a spent one ends the session. */
  refreshToken: string;
  refreshExpiresAt: string;
  sessionId: string;
  mustChangePassword: boolean;
}

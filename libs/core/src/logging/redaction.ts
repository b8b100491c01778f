/**
 * Keys whose values never reach a log, wherever they appear in a logged object.
 * Witness identity fields are listed too: a log line is not a vault.
 */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'oldPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'totp',
  'code',
  'recoveryCode',
  'authorization',
  'cookie',
  'set-cookie',
  'legalName',
  'otherNames',
  'contacts',
  'familyInDprk',
  'identity',
  'DATABASE_URL',
  'JWT_SECRET',
];

/** pino `redact.paths` for the keys above, at the top level and one or two levels down. */
export function redactPaths(): string[] {
  return REDACTED_KEYS.flatMap((key) => {
    const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const dotted = k.startsWith('[') ? k : `.${k}`;
    return [k.startsWith('[') ? key : k, `*${dotted}`, `*.*${dotted}`];
  });
}

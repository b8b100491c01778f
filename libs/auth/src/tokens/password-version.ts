import { hash } from 'node:crypto';

/**
 * A short fingerprint of the stored password hash (argon2id, salted: it changes with every new
 * password, even the same one set again). Tokens issued before a login completes carry it, so
 * a password reset or change kills them (issue 23.3): an enrolment token taken before an
 * administrator's reset cannot enrol a factor after it. It reveals nothing of the password.
 */
export function passwordVersion(passwordHash: string): string {
  return hash('sha256', `sillok-password-version:${passwordHash}`, 'hex').slice(0, 32);
}

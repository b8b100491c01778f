import { generateSecret, generateURI, verify } from 'otplib';

const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(issuer: string, label: string, secret: string): string {
  return generateURI({ issuer, label, secret, period: PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
}

/**
 * The time step a code matched (one step of clock drift allowed either way), or undefined.
 * A step at or before `afterTimeStep` is refused, so an observed code cannot be replayed.
 */
export async function matchTotp(secret: string, code: string, afterTimeStep?: number): Promise<number | undefined> {
  try {
    const result = await verify({
      secret,
      token: code.trim(),
      period: PERIOD_SECONDS,
      epochTolerance: PERIOD_SECONDS,
      ...(afterTimeStep !== undefined ? { afterTimeStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}

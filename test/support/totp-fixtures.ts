import { beforeAll, afterAll, jest } from '@jest/globals';
import { generate } from 'otplib';
import { bearer } from './auth-fixtures.js';
import type { TestApp } from './test-app.js';

// The app runs in this process, so with only Date faked the server checks every code in the
// middle of one chosen 30 s time step: no code is ever built near a step boundary, however
// slow the machine. The server allows one step of drift, so `stepsAhead` 1 is still valid.
const STEP_SECONDS = 30;

/** The time step of this moment: the frozen one inside `freezeDateMidTotpStep`, else the real one. */
function currentStep(): number {
  return Math.floor(Date.now() / 1000 / STEP_SECONDS);
}

/**
 * Call inside a spec's describe: freezes Date mid-step for that describe's tests (timers stay real).
 * Not at a file's top level: the folder's suite imports every spec of the folder into one module
 * (test/support/folder-suite.ts), where a top-level hook would hold for all of them.
 */
export function freezeDateMidTotpStep(): void {
  beforeAll(() => {
    // The step of when the describe starts, not of when the module loaded: a folder's suite loads
    // its fixtures minutes before its last spec runs, and the server compares with the database's now().
    const step = currentStep();
    // Only Date is faked: timers stay real, so the server, pg and supertest run as usual.
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
      now: (step * STEP_SECONDS + STEP_SECONDS / 2) * 1000,
    });
  });
  afterAll(() => {
    jest.useRealTimers();
  });
}

/**
 * A valid code for `stepsAhead` time steps after the current one (each step can be spent once):
 * the frozen step inside `freezeDateMidTotpStep`; outside it, the real one, which the server's one
 * step of drift still accepts if the clock crosses into the next step before it checks.
 */
export function codeFor(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: (currentStep() + stepsAhead) * STEP_SECONDS });
}

/**
 * Enrols and confirms a second factor with `token` (POST /auth/mfa/enrol, /auth/mfa/confirm); the
 * first code comes from `codeOf`, by default one of the frozen step (see `freezeDateMidTotpStep`).
 */
export async function enrolAndConfirm(
  t: TestApp,
  token: string,
  codeOf: (secret: string) => Promise<string> = codeFor,
) {
  const enrolled = await t.http().post('/auth/mfa/enrol').set(bearer({ token })).expect(200);
  const secret = enrolled.body.secret as string;
  const confirmed = await t
    .http()
    .post('/auth/mfa/confirm')
    .set(bearer({ token }))
    .send({ code: await codeOf(secret) })
    .expect(200);
  return { secret, enrolled: enrolled.body, confirmed: confirmed.body };
}

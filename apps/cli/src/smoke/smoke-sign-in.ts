import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { SmokeRequestError, type SmokeClient } from './smoke-client.js';

interface LoginAnswer {
  status: 'authenticated' | 'mfa_required' | 'mfa_enrolment_required';
  accessToken?: string;
  mustChangePassword?: boolean;
  mfaToken?: string;
  enrolmentToken?: string;
}

export interface Session {
  accessToken: string;
  /** The password now in force (the scratch account changes its first one). */
  password: string;
}

/**
 * Logs a scratch account in the way a new user would: enrols a second factor when its role needs one, and replaces
 * the one-time password an administrator set. Returns a full session.
 */
export async function signInScratchAccount(client: SmokeClient, email: string, password: string): Promise<Session> {
  let totpSecret: string | undefined;
  let answer = await login(client, email, password);
  if (answer.status === 'mfa_enrolment_required') {
    const token = answer.enrolmentToken ?? '';
    const enrolment = (await client.request('POST', '/auth/mfa/enrol', { token })).json<{ secret: string }>();
    totpSecret = enrolment.secret;
    const confirmed = await client.request('POST', '/auth/mfa/confirm', {
      token,
      json: { code: await generate({ secret: totpSecret }) },
    });
    const tokens = confirmed.json<{ tokens?: LoginAnswer }>().tokens;
    if (!tokens?.accessToken) throw new SmokeRequestError('POST /auth/mfa/confirm returned no session');
    answer = tokens;
  }
  if (answer.status !== 'authenticated' || !answer.accessToken) {
    throw new SmokeRequestError(`the scratch account's login ended in ${answer.status}`);
  }
  if (!answer.mustChangePassword) return { accessToken: answer.accessToken, password };

  const newPassword = randomBytes(24).toString('base64url');
  await client.request('POST', '/auth/password', {
    token: answer.accessToken,
    json: { currentPassword: password, newPassword },
  });
  answer = await login(client, email, newPassword);
  if (answer.status === 'mfa_required' && totpSecret) {
    // The enrolment used this time step's code, and a code is never accepted twice: use the next step's.
    const code = await generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 });
    answer = (
      await client.request('POST', '/auth/login/mfa', { json: { mfaToken: answer.mfaToken, code } })
    ).json<LoginAnswer>();
  }
  if (answer.status !== 'authenticated' || !answer.accessToken) {
    throw new SmokeRequestError(`the scratch account's second login ended in ${answer.status}`);
  }
  return { accessToken: answer.accessToken, password: newPassword };
}

/** The administrator the operator names: a password only (a second factor cannot be answered unattended). */
export async function signInAdministrator(client: SmokeClient, email: string, password: string): Promise<string> {
  const answer = await login(client, email, password);
  if (answer.status === 'mfa_required' || answer.status === 'mfa_enrolment_required') {
    throw new SmokeRequestError(
      `the account ${email} needs a second factor (${answer.status}); give the smoke test an administrator without one, ` +
        'created for it and disabled afterwards',
    );
  }
  if (!answer.accessToken) throw new SmokeRequestError('POST /auth/login returned no access token');
  if (answer.mustChangePassword)
    throw new SmokeRequestError(`the account ${email} must change its one-time password first`);
  return answer.accessToken;
}

async function login(client: SmokeClient, email: string, password: string): Promise<LoginAnswer> {
  return (await client.request('POST', '/auth/login', { json: { email, password } })).json<LoginAnswer>();
}

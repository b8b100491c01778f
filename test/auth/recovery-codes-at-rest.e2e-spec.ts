import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { MfaService, Role } from '@sillok/auth';
import { bearer, createUser, login } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 23.8: recovery codes were stored as unsalted SHA-256 of 64 random bits. */
describe('recovery codes at rest', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const sha256 = (code: string) => createHash('sha256').update(code.replace(/-/g, '')).digest('hex');

  async function enrolled() {
    const fixture = await createUser(t, Role.Analyst);
    const user = await login(t, fixture);
    const secret = (await t.http().post('/auth/mfa/enrol').set(bearer(user)).expect(200)).body.secret as string;
    const confirmed = await t
      .http()
      .post('/auth/mfa/confirm')
      .set(bearer(user))
      .send({ code: await generate({ secret }) })
      .expect(200);
    return { fixture, codes: confirmed.body.recoveryCodes as string[] };
  }

  const useCode = async (email: string, password: string, code: string) => {
    const step = await t.http().post('/auth/login').send({ email, password }).expect(200);
    return (await t.http().post('/auth/login/mfa').send({ mfaToken: step.body.mfaToken, code })).status;
  };

  it('stores neither the code nor its bare SHA-256, and the code still works once', async () => {
    const { fixture, codes } = await enrolled();
    const stored = (await db.query(`SELECT code_hash FROM auth_recovery_codes WHERE user_id = $1`, [fixture.id])).map(
      (r: { code_hash: string }) => r.code_hash,
    );
    expect(stored.every((h: string) => h.startsWith('hmac:'))).toBe(true);
    expect(stored).not.toContain(sha256(codes[0]));
    expect(await useCode(fixture.email, fixture.password, codes[0])).toBe(200);
    expect(await useCode(fixture.email, fixture.password, codes[0])).toBe(401);
  });

  it('seals codes stored the old way at start, and they keep working', async () => {
    const { fixture, codes } = await enrolled();
    // As the previous release stored them.
    for (const code of codes.slice(0, 2)) {
      await db.query(
        `UPDATE auth_recovery_codes SET code_hash = $2 WHERE user_id = $1 AND id = (
        SELECT id FROM auth_recovery_codes WHERE user_id = $1 AND code_hash LIKE 'hmac:%' ORDER BY id LIMIT 1)`,
        [fixture.id, sha256(code)],
      );
    }
    await t.app.get(MfaService).onApplicationBootstrap();
    const [{ bare }] = await db.query(
      `SELECT count(*)::int AS bare FROM auth_recovery_codes WHERE user_id = $1 AND code_hash NOT LIKE 'hmac:%'`,
      [fixture.id],
    );
    expect(bare).toBe(0);
    expect(await useCode(fixture.email, fixture.password, codes[1])).toBe(200);
  });
});

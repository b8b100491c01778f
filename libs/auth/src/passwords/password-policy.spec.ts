import { describe, expect, it } from '@jest/globals';
import { generateTemporaryPassword, passwordProblem } from './password-policy.js';

describe('password policy', () => {
  const email = 'kim.investigator@example.org';

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('Seven-rivers-under-Chongjin', email)).toBeUndefined();
  });

  it.each([
    ['short-pass1', /at least 12/],
    [email, /email/],
    ['KIM.INVESTIGATOR@EXAMPLE.ORG', /email/],
    ['kim.investigator', /email/],
    ['password1234', /common/],
    ['Qwerty123456', /common/],
    ['aaaaaaaaaaaaaaaa', /common|repeat/],
    ['abababababababab', /repeat/],
    ['x'.repeat(257), /at most 256/],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password, email)).toMatch(reason);
  });

  it('generates one-time passwords that pass the policy', () => {
    for (let i = 0; i < 20; i++) expect(passwordProblem(generateTemporaryPassword(), email)).toBeUndefined();
  });
});

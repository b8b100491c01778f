import { describe, expect, it } from '@jest/globals';
import { apiProcessSettingsProblems, assertApiProcessSettings } from './api-process-settings.js';
import { SettingsError } from './settings-error.js';
import { generateEd25519PrivateKey } from './signing-key.js';

describe('apiProcessSettingsProblems', () => {
  const key = generateEd25519PrivateKey();

  it('refuses the audit checkpoint key in a production API, naming the setting but never its value', () => {
    const problems = apiProcessSettingsProblems({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: key });
    expect(problems).toEqual([expect.stringMatching(/^AUDIT_SIGNING_KEY: must not be given to the API in production/)]);
    expect(problems.join()).not.toContain(key);
    expect(() => assertApiProcessSettings({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: key })).toThrow(SettingsError);
  });

  it('accepts a production API without it, and development or test with it (generated there)', () => {
    expect(apiProcessSettingsProblems({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: undefined })).toEqual([]);
    expect(apiProcessSettingsProblems({ NODE_ENV: 'development', AUDIT_SIGNING_KEY: key })).toEqual([]);
    expect(apiProcessSettingsProblems({ NODE_ENV: 'test', AUDIT_SIGNING_KEY: key })).toEqual([]);
  });
});

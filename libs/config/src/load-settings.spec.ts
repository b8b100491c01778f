import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadSettings, settingNames } from './load-settings.js';
import { SENSITIVE_SETTINGS } from './sensitive.decorator.js';
import { SettingsError } from './settings-error.js';

const STRONG = 'k'.repeat(12) + 'Q7v!pX2m9Lr4Tz8Wb3Nc6Yd';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadSettings(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).problems;
  }
}

describe('loadSettings', () => {
  it('applies the documented defaults', () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      SILLOK_DATA_DIR: './data',
      HOST: '127.0.0.1',
    });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it('takes TRUST_PROXY as off, a hop count or proxy addresses, never "trust everyone"', () => {
    expect(loadSettings({}).TRUST_PROXY).toBe('off');
    for (const value of ['off', '1', 'loopback', '10.0.0.0/8, 192.168.1.7', 'uniquelocal,::1'])
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([]);
    for (const value of ['true', '*', '0', 'loopback;rm'])
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
  });

  it('converts numbers and keeps a database URL', () => {
    const settings = loadSettings({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/sillok' });
    expect(settings.PORT).toBe(8080);
    expect(settings.DATABASE_URL).toBe('postgres://u:p@db:5432/sillok');
  });

  it('names each bad variable with its reason', () => {
    const problems = problemsOf({ PORT: 'abc', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be a whole number between 1 and 65535 \(got "abc"\)/),
        expect.stringMatching(/^NODE_ENV: must be one of development, test, production/),
        expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ connection URL/),
      ]),
    );
  });

  it('refuses missing secrets in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sillok' });
    for (const [name, options] of SENSITIVE_SETTINGS) {
      if (!options.requiredWhen) expect(problems).toContain(`${name}: is required in production`);
    }
  });

  it('requires the S3 keys in production only when the object store is s3', () => {
    const base: Record<string, string> = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sillok' };
    for (const [name, options] of SENSITIVE_SETTINGS) if (options.generate) base[name] = options.generate();
    expect(problemsOf(base)).toEqual([]);
    expect(problemsOf({ ...base, OBJECT_STORE: 's3' })).toEqual([
      'S3_ACCESS_KEY: is required in production',
      'S3_SECRET_KEY: is required in production',
    ]);
    expect(problemsOf({ ...base, OBJECT_STORE: 's3', S3_ACCESS_KEY: 'sillok', S3_SECRET_KEY: 'short' })).toEqual([
      'S3_SECRET_KEY: must be at least 8 characters in production',
    ]);
    expect(problemsOf({ ...base, OBJECT_STORE: 's3', S3_ACCESS_KEY: 'sillok', S3_SECRET_KEY: STRONG })).toEqual([]);
  });

  it('never generates S3 keys for development: they must match the server', () => {
    expect(SENSITIVE_SETTINGS.get('S3_ACCESS_KEY')?.generate).toBeUndefined();
    expect(SENSITIVE_SETTINGS.get('S3_SECRET_KEY')?.generate).toBeUndefined();
  });

  it('reads object store settings with their defaults and conversions', () => {
    expect(loadSettings({})).toMatchObject({
      OBJECT_STORE: 'filesystem',
      S3_PORT: 9000,
      S3_USE_SSL: false,
      S3_PATH_STYLE: true,
      S3_PART_SIZE_MB: 16,
      UPLOAD_MAX_BYTES: 10 * 1024 ** 3,
    });
    const settings = loadSettings({
      OBJECT_STORE: 's3',
      S3_USE_SSL: 'true',
      S3_PATH_STYLE: '0',
      UPLOAD_MAX_BYTES: '1024',
    });
    expect(settings).toMatchObject({
      OBJECT_STORE: 's3',
      S3_USE_SSL: true,
      S3_PATH_STYLE: false,
      UPLOAD_MAX_BYTES: 1024,
    });
    expect(problemsOf({ OBJECT_STORE: 'ftp', S3_USE_SSL: 'maybe', S3_PART_SIZE_MB: '4' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^OBJECT_STORE: must be one of filesystem, s3/),
        expect.stringMatching(/^S3_USE_SSL: must be true or false/),
        expect.stringMatching(/^S3_PART_SIZE_MB: must be a whole number between 5 and 5120/),
      ]),
    );
  });

  it('reads FIXITY_INTERVAL_HOURS: off by default, fractions allowed, negatives and timer overflow refused', () => {
    expect(loadSettings({}).FIXITY_INTERVAL_HOURS).toBe(0);
    expect(loadSettings({ FIXITY_INTERVAL_HOURS: '0.5' }).FIXITY_INTERVAL_HOURS).toBe(0.5);
    for (const bad of ['-1', '597', 'daily']) {
      expect(problemsOf({ FIXITY_INTERVAL_HOURS: bad })).toEqual([
        expect.stringMatching(/^FIXITY_INTERVAL_HOURS: must be a number of hours between 0 and 596/),
      ]);
    }
  });

  it('refuses placeholder and short secrets in production, without echoing them', () => {
    const placeholder = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'change-me-change-me-change-me-change-me' });
    expect(placeholder).toContain('JWT_SECRET: is a placeholder; set a real secret in production');
    const short = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short' });
    expect(short.join('\n')).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(short.join('\n')).not.toContain('short"');
  });

  it('refuses keys of visibly low entropy in production, naming the setting and the reason only', () => {
    const env: Record<string, string> = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sillok' };
    for (const [name, options] of SENSITIVE_SETTINGS) env[name] = options.generate?.() ?? STRONG;
    const zeroSeed = Buffer.concat([Buffer.from(env.AUDIT_SIGNING_KEY, 'base64').subarray(0, 16), Buffer.alloc(32)]);
    const problems = problemsOf({
      ...env,
      IDENTITY_ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')},k1:${Buffer.alloc(32).toString('base64')}`,
      JWT_SECRET: 'a'.repeat(47) + 'b',
      MFA_ENCRYPTION_KEY: '1111111111222222222233333333334444444444555',
      EXPORT_SIGNING_KEY: zeroSeed.toString('base64'),
    });
    expect(problems).toEqual([
      'IDENTITY_ENCRYPTION_KEYS: is all zero bytes; set a random key in production',
      'JWT_SECRET: uses only 2 different byte values; set a random key in production',
      'MFA_ENCRYPTION_KEY: uses only 5 different byte values; set a random key in production',
      'EXPORT_SIGNING_KEY: is all zero bytes; set a random key in production',
    ]);
    expect(problemsOf({ ...env, JWT_SECRET: randomBytes(24).toString('base64') })).toEqual([
      'JWT_SECRET: must be at least 43 characters in production',
    ]);
  });

  it('accepts real secrets in production', () => {
    const env: Record<string, string> = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sillok' };
    for (const [name, options] of SENSITIVE_SETTINGS) env[name] = options.generate?.() ?? STRONG;
    expect(() => loadSettings(env)).not.toThrow();
  });

  it('is documented variable by variable in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...new Set([...settingNames(), ...SENSITIVE_SETTINGS.keys()])].sort());
  });
});

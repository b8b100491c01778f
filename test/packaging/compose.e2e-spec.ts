import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { apiProcessSettingsProblems, SENSITIVE_SETTINGS, settingNames } from '@sillok/config';
import { ROOT } from '../support/processes.js';

// No Docker engine runs here, so the production files are checked by reading them against the settings schema.
const composeText = readFileSync(`${ROOT}docker/compose.yml`, 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; healthcheck?: unknown; volumes?: string[] }>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(`${ROOT}docker/Dockerfile`, 'utf8');
const envExample = readFileSync(`${ROOT}docker/.env.example`, 'utf8');
// The API holds every secret but the audit checkpoint key, which a production API refuses.
const API_SECRETS = [...SENSITIVE_SETTINGS.keys()].filter((name) => name !== 'AUDIT_SIGNING_KEY');

describe('production packaging', () => {
  const api = compose.services.api;

  it('gives the API every setting production requires, and the checkpoint key only to the checkpoint job', () => {
    const required = ['NODE_ENV', 'DATABASE_URL', 'HOST', ...API_SECRETS];
    expect(Object.keys(api.environment ?? {})).toEqual(expect.arrayContaining(required));
    expect(api.environment?.NODE_ENV).toBe('production');
    expect(apiProcessSettingsProblems(api.environment as never)).toEqual([]);
    expect(api.environment).not.toHaveProperty('AUDIT_SIGNING_KEY');
    const checkpoint = compose.services.checkpoint as { environment?: Record<string, string>; command?: string[] };
    expect(checkpoint.environment?.AUDIT_SIGNING_KEY).toMatch(/^\$\{AUDIT_SIGNING_KEY:\?/);
    expect(checkpoint.command?.join(' ')).toContain('audit:checkpoint');
    const { DATABASE_URL: ownerUrl, ...migrateRest } = compose.services.migrate.environment ?? {};
    const { DATABASE_URL: appUrl, ...apiRest } = api.environment ?? {};
    expect(migrateRest).toEqual(apiRest);
    // The owner migrates and grants; the API runs as the role that cannot change the audit log.
    expect(ownerUrl).toMatch(/^postgres:\/\/sillok:/);
    expect(appUrl).toMatch(/^postgres:\/\/sillok_app:/);
    expect((compose.services.migrate as { command?: string[] }).command).toEqual([
      'node',
      'bin/sillok.js',
      'migrate',
      '--grant-to',
      'sillok_app',
    ]);
    const init = readFileSync(`${ROOT}docker/postgres-init/10-app-role.sh`, 'utf8');
    expect(init).toMatch(/CREATE ROLE sillok_app LOGIN PASSWORD :'app_password'/);
    expect(compose.services.postgres.volumes).toContain('./postgres-init:/docker-entrypoint-initdb.d:ro');
    // Sized for search (README, "Search at scale"), not PostgreSQL's 128 MB default.
    expect((compose.services.postgres as { command?: string[] }).command).toContain(
      'shared_buffers=${POSTGRES_SHARED_BUFFERS:-2GB}',
    );
  });

  it('names only settings the schema knows', () => {
    const known = new Set([...settingNames(), ...SENSITIVE_SETTINGS.keys()]);
    expect(Object.keys(api.environment ?? {}).filter((name) => !known.has(name))).toEqual([]);
  });

  it('takes every secret from the env file, never a literal', () => {
    for (const name of API_SECRETS) expect(api.environment?.[name]).toMatch(/^\$\{[A-Z][A-Z0-9_]*:\?/);
    const referenced = new Set([...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
    const documented = new Set([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect([...referenced].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('has health checks and named volumes for every stateful service', () => {
    for (const name of ['api', 'postgres', 'minio']) expect(compose.services[name].healthcheck).toBeDefined();
    expect(Object.keys(compose.volumes)).toEqual(
      expect.arrayContaining(['postgres-data', 'minio-data', 'sillok-data']),
    );
    expect(compose.services['minio-init']).toBeDefined();
  });

  it('builds in stages and runs as a non-root user with production dependencies only', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --engine-strict --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('builds everything users run and serves dist/ whole (the web client included)', () => {
    // Every install in the image fails on an engine mismatch instead of warning.
    for (const install of dockerfile.match(/npm ci[^\n&]*/g) ?? []) expect(install).toContain('--engine-strict');
    expect(dockerfile).toMatch(/^COPY \. \.$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/^COPY --from=build --chown=root:root \/app\/dist \.\/dist$/m);
    const ignored = readFileSync(`${ROOT}docker/Dockerfile.dockerignore`, 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'data', 'docker/.env', '.env']));
  });

  it('gives the API its own object-store user, never the root credentials', () => {
    expect(api.environment?.S3_ACCESS_KEY).toBe('${MINIO_APP_USER:?set MINIO_APP_USER in docker/.env}');
    expect(api.environment?.S3_SECRET_KEY).toBe('${MINIO_APP_PASSWORD:?set MINIO_APP_PASSWORD in docker/.env}');
    expect(JSON.stringify(api.environment)).not.toContain('MINIO_ROOT');
    const init = compose.services['minio-init'] as { environment?: Record<string, string>; entrypoint?: string[] };
    expect(init.entrypoint).toEqual(['/bin/sh', '/etc/sillok/init.sh']);
    expect(Object.keys(init.environment ?? {})).toEqual(expect.arrayContaining(['MINIO_APP_USER', 'MINIO_ROOT_USER']));
  });
});

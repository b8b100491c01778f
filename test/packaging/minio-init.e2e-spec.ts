import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCKER_DIR } from './docker-files.js';

// docker/minio/init.sh runs in the mc image, which no engine here can start: it runs under this machine's POSIX sh
// with a stand-in `mc` that records its arguments and keeps a copy of the policy it is given.
const policyFile = join(DOCKER_DIR, 'minio', 'sillok-api-policy.json');
let work: string;

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource?: string[];
}

function runInit(overrides: Record<string, string> = {}) {
  rmSync(join(work, 'calls'), { force: true });
  return spawnSync('sh', [join(DOCKER_DIR, 'minio', 'init.sh')], {
    encoding: 'utf8',
    env: {
      PATH: `${work}:${process.env.PATH}`,
      TMPDIR: work,
      POLICY_FILE: policyFile,
      MINIO_URL: 'http://minio:9000',
      MINIO_ROOT_USER: 'sillok-root',
      MINIO_ROOT_PASSWORD: 'root-secret-0123456789',
      MINIO_APP_USER: 'sillok-api',
      MINIO_APP_PASSWORD: 'api-secret-0123456789',
      S3_BUCKET: 'case-files.2026',
      ...overrides,
    },
  });
}

describe('minio-init (docker/minio/init.sh)', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'sillok-minio-init-'));
    writeFileSync(
      join(work, 'mc'),
      `#!/bin/sh
printf '%s\\n' "$*" >> "${work}/calls"
if [ "$1 $2 $3" = "admin policy create" ]; then cp "$6" "${work}/policy.json"; fi
if [ "$1 $2 $3" = "ilm rule ls" ] && [ -n "\${PROBE_RULE_EXISTS:-}" ]; then
  echo '| ID | STATUS | PREFIX | NONCURRENT EXPIRY |'
  echo '| d4s1 | Enabled | health-probe/ | 1 day(s) |'
fi
if [ "$1 $2 $3" = "admin policy attach" ] && [ -n "\${ATTACHED_ALREADY:-}" ]; then
  echo 'mc: <ERROR> Unable to make user/group policy association. The specified policy change is already in effect.'
  exit 1
fi
`,
    );
    chmodSync(join(work, 'mc'), 0o755);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('makes a versioned bucket and a user bound to the policy, in that order', () => {
    const run = runInit();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(work, 'calls'), 'utf8').trim().split('\n')).toEqual([
      'alias set store http://minio:9000 sillok-root root-secret-0123456789',
      'mb --ignore-existing store/case-files.2026',
      'version enable store/case-files.2026',
      'ilm rule ls store/case-files.2026',
      'ilm rule add --prefix health-probe/ --noncurrent-expire-days 1 --expire-delete-marker store/case-files.2026',
      `admin policy create store sillok-api ${join(work, 'sillok-api-policy.json')}`,
      'admin user add store sillok-api api-secret-0123456789',
      'admin policy attach store sillok-api --user sillok-api',
    ]);
    // Passwords go to mc only, never to the container's log.
    expect(run.stdout).not.toMatch(/secret/);
  });

  it('adds the health-probe lifecycle rule only where the bucket lacks it', () => {
    const run = runInit({ PROBE_RULE_EXISTS: '1' });
    expect(run.status).toBe(0);
    const calls = readFileSync(join(work, 'calls'), 'utf8');
    expect(calls).toContain('ilm rule ls store/case-files.2026');
    expect(calls).not.toContain('ilm rule add');
  });

  it('gives the user put, get, list and abort on the bucket only, and denies deleting versions', () => {
    runInit();
    const rendered = readFileSync(join(work, 'policy.json'), 'utf8');
    expect(rendered).not.toContain('SILLOK_BUCKET');
    const statements = (JSON.parse(rendered) as { Statement: Statement[] }).Statement;
    const allowed = statements.filter((s) => s.Effect === 'Allow');
    const denied = statements.filter((s) => s.Effect === 'Deny').flatMap((s) => s.Action);
    expect(allowed.flatMap((s) => s.Action)).toEqual(
      expect.arrayContaining(['s3:PutObject', 's3:GetObject', 's3:ListBucket', 's3:AbortMultipartUpload']),
    );
    for (const action of allowed.flatMap((s) => s.Action)) expect(action).not.toMatch(/\*|Version$|Policy|Lifecycle/);
    expect(allowed.flatMap((s) => s.Action)).toContain('s3:GetBucketVersioning');
    expect(allowed.flatMap((s) => s.Resource)).toEqual(
      expect.arrayContaining(['arn:aws:s3:::case-files.2026', 'arn:aws:s3:::case-files.2026/*']),
    );
    for (const resource of allowed.flatMap((s) => s.Resource ?? []))
      expect(resource).toMatch(/^arn:aws:s3:::case-files\.2026(\/\*)?$/);
    expect(denied).toEqual(
      expect.arrayContaining([
        's3:DeleteObjectVersion',
        's3:PutBucketVersioning',
        's3:PutLifecycleConfiguration',
        'admin:*',
      ]),
    );
  });

  it('runs again over an existing user and policy', () => {
    const run = runInit({ ATTACHED_ALREADY: '1' });
    expect(run.status).toBe(0);
  });

  it('refuses a bucket name that could change the policy, and the root account as the API user', () => {
    const injected = runInit({ S3_BUCKET: 'x"],"Action":["s3:*' });
    expect(injected.status).toBe(1);
    expect(injected.stderr).toMatch(/not a valid bucket name/);
    const root = runInit({ MINIO_APP_USER: 'sillok-root' });
    expect(root.status).toBe(1);
    expect(root.stderr).toMatch(/must differ from MINIO_ROOT_USER/);
  });
});

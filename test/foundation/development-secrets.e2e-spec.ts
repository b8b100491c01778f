import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from '../support/processes.js';

// Each child loads the built config library, waits for a shared start instant, fills its settings from the data
// directory and prints a digest of the secrets it ended up with (never the secrets themselves).
const CHILD = `
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { fillDevelopmentSecrets, SENSITIVE_SETTINGS } from './dist/libs/config/src/index.js';
const [directory, startAt] = process.argv.slice(1);
const settings = { SILLOK_DATA_DIR: directory };
while (Date.now() < Number(startAt)) {}
const { generated } = fillDevelopmentSecrets(settings);
const values = [...SENSITIVE_SETTINGS.keys()].map((name) => [name, settings[name] ?? null]);
process.stdout.write(JSON.stringify({ generated: generated.length, digest: createHash('sha256').update(JSON.stringify(values)).digest('hex') }));
`;

function digestOfFile(file: string, names: string[]): string {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return createHash('sha256')
    .update(JSON.stringify(names.map((name) => [name, stored[name] ?? null])))
    .digest('hex');
}

describe('development secrets', () => {
  it('processes started at once on an empty data directory agree on one secrets.json', async () => {
    const { SENSITIVE_SETTINGS } = await import('@sillok/config');
    const names = [...SENSITIVE_SETTINGS.keys()];
    for (let round = 0; round < 2; round++) {
      const directory = mkdtempSync(join(tmpdir(), 'sillok-secrets-'));
      try {
        const startAt = String(Date.now() + 6000);
        const children = await Promise.all(
          Array.from({ length: 4 }, () => runNode(['--input-type=module', '-e', CHILD, directory, startAt], {})),
        );
        for (const child of children)
          expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr: '' });
        const results = children.map((child) => JSON.parse(child.stdout) as { generated: number; digest: string });
        const file = join(directory, 'secrets.json');
        // Every process uses exactly what the file holds, whichever of them wrote it.
        expect(new Set(results.map((r) => r.digest))).toEqual(new Set([digestOfFile(file, names)]));
        expect(results.some((r) => r.generated > 0)).toBe(true);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(readdirSync(directory)).toEqual(['secrets.json']); // no temporary file left behind
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
  }, 60_000);
});

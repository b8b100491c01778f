import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { ROOT } from '../support/processes.js';

// package.json's `engines` is a promise (and the README repeats it): npm warns EBADENGINE for
// every installed package that wants a newer Node, so the lock file must hold none.
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('engines', () => {
  it('every locked package runs on the oldest Node that package.json accepts', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const wantNewer = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return wanted && !semver.satisfies(oldest, wanted) ? [`${path}@${entry.version}: node ${wanted}`] : [];
      });
    expect(wantNewer).toEqual([]);
  });

  it('the README states the same requirement', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    expect(readme).toContain(
      `Requirements: Node.js ${semver.minVersion(pkg.engines.node)!.version.replace(/\.0$/, '')} or later`,
    );
  });
});

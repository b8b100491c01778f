import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { ROOT } from '../support/processes.js';
import { dockerFiles, imageReferences, pinningProblem } from './docker-files.js';

// No Docker engine runs here: the files are read, and every image they pull must be pinned and pullable.
const files = dockerFiles();
const references = files.flatMap(imageReferences);

describe('images in docker/', () => {
  it('finds the images of every compose file and Dockerfile', () => {
    const images = references.map((r) => r.image);
    expect(images).toEqual(
      expect.arrayContaining([
        'quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z',
        'quay.io/minio/mc:RELEASE.2025-08-13T08-35-41Z',
        'postgres:17.6-bookworm',
        'node:24.15.0-bookworm-slim',
      ]),
    );
    for (const file of files.filter((f) => /(^|\/)(compose[^/]*\.ya?ml|Dockerfile)$/.test(f.path))) {
      expect(references.filter((r) => r.path === file.path).length).toBeGreaterThan(0);
    }
  });

  it('pins every image to an explicit version from a registry that serves it', () => {
    const problems = references
      .map((r) => ({ at: `${r.path}:${r.line} ${r.image}`, problem: pinningProblem(r.image) }))
      .filter((p) => p.problem);
    expect(problems).toEqual([]);
  });

  it('names no Docker Hub minio/ image and no :latest anywhere, comments included', () => {
    for (const { path, text } of files) {
      expect({ path, hub: text.match(/(?<![\w.-]\/|[\w.-])minio\/(minio|mc)\b/g) }).toEqual({ path, hub: null });
      expect({ path, latest: text.match(/:latest\b/g) }).toEqual({ path, latest: null });
    }
  });

  it('refuses what Docker Hub no longer serves and what floats', () => {
    expect(pinningProblem('minio/minio:RELEASE.2025-09-07T16-13-09Z')).toMatch(/quay\.io/);
    expect(pinningProblem('docker.io/minio/mc:RELEASE.2025-08-13T08-35-41Z')).toMatch(/quay\.io/);
    expect(pinningProblem('quay.io/minio/minio:latest')).toMatch(/latest/);
    expect(pinningProblem('sillok:${SILLOK_VERSION:-latest}')).toMatch(/latest/);
    expect(pinningProblem('postgres')).toMatch(/untagged/);
    expect(pinningProblem('localhost:5000/postgres')).toMatch(/untagged/);
    expect(pinningProblem('postgres@sha256:' + 'a'.repeat(64))).toBeUndefined();
    expect(pinningProblem('caddy:2.10.2-alpine')).toBeUndefined();
  });

  it('builds on one node version that satisfies package.json engines and every locked package (no EBADENGINE)', () => {
    const nodeVersions = new Set(
      references.flatMap((r) => /^node:(\d+\.\d+\.\d+)/.exec(r.image)?.[1] ?? []).filter(Boolean),
    );
    expect(nodeVersions.size).toBe(1);
    const [version] = nodeVersions;
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies(version, pkg.engines.node)).toBe(true);
    const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const unsatisfied = Object.entries(lock.packages)
      .map(([name, entry]) => ({ name, range: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ range }) => range && !semver.satisfies(version, range));
    expect(unsatisfied).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/processes.js';

export const DOCKER_DIR = join(ROOT, 'docker');

export interface DockerFile {
  /** Path from the repository root, e.g. `docker/compose.yml`. */
  path: string;
  text: string;
}

export interface ImageReference {
  path: string;
  line: number;
  image: string;
}

/** Every file under docker/, recursively (docker/.env is the operator's and never checked in). */
export function dockerFiles(directory = DOCKER_DIR): DockerFile[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return dockerFiles(full);
    if (entry.name === '.env') return [];
    return [{ path: relative(ROOT, full), text: readFileSync(full, 'utf8') }];
  });
}

/**
 * The images a file pulls: compose `image:` values and Dockerfile `FROM` lines (not the names of earlier stages).
 */
export function imageReferences(file: DockerFile): ImageReference[] {
  const references: ImageReference[] = [];
  const stages = new Set<string>();
  file.text.split('\n').forEach((text, index) => {
    const line = index + 1;
    const compose = /^\s*(?:-\s*)?image:\s*['"]?([^'"\s#]+)/.exec(text);
    if (compose) references.push({ path: file.path, line, image: compose[1] });
    const from = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(text);
    if (from) {
      if (!stages.has(from[1].toLowerCase())) references.push({ path: file.path, line, image: from[1] });
      if (from[2]) stages.add(from[2].toLowerCase());
    }
  });
  return references;
}

/** Why an image reference does not pin a pullable image, or undefined when it does. */
export function pinningProblem(image: string): string | undefined {
  const withoutDigest = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  const name = withoutDigest.replace(/:[^/]*$/, '');
  const tag = withoutDigest.slice(name.length + 1);
  if (/^(docker\.io\/)?minio\//.test(name))
    return 'Docker Hub refuses minio/ images since September 2026: use quay.io/minio/';
  if (!tag && withoutDigest === image) return 'untagged: two installs would run different versions';
  if (/^latest$|:-latest\}?$/.test(tag)) return ':latest floats: pin an explicit version';
  return undefined;
}

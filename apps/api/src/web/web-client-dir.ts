import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `vite build` wrote the web client (dist/web): beside the compiled server
 * (dist/apps/api/src/web -> dist/web), or under the working directory when the server runs
 * from source (tests). SILLOK_WEB_DIR overrides both. Undefined when it was never built.
 */
export function findWebClientDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.SILLOK_WEB_DIR,
    join(here, '..', '..', '..', '..', 'web'),
    resolve(process.cwd(), 'dist', 'web'),
  ].filter((dir): dir is string => Boolean(dir));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The end-to-end spec files in the folder of `suiteUrl` (the suite itself, `all.e2e-spec.ts`, left out), as
 * `./<name>.js` specifiers in name order, for the suite to import. A suite imports its folder's
 * specs into one module graph: Jest loads the application's ~2,700 modules once per test file, and
 * that loading was half the CPU of an end-to-end run (test/auth: 27 s of CPU as ten files, 13 s as
 * one). A new spec file in the folder is picked up without a list to keep.
 */
export function specsBeside(suiteUrl: string): string[] {
  const folder = dirname(fileURLToPath(suiteUrl));
  const own = basename(fileURLToPath(suiteUrl));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.e2e-spec.ts') && name !== own)
    .sort()
    .map((name) => `./${name.replace(/\.ts$/, '.js')}`);
}

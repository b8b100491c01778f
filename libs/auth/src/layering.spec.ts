import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('libs/auth layering', () => {
  it('imports nothing above it (cases and the features build on auth, never the reverse)', () => {
    const above = /from '@sillok\/(cases|taxonomy|testimonies|incidents|evidence|search|exports)'|from '.*apps\//;
    const offenders = sources(here).filter((file) => above.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

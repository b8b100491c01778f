import { describe, expect, it } from '@jest/globals';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint.layers.js is the plain module eslint.config.js loads; typed here by hand.
const { LAYERS, layeringBlocks } = (await import(new URL('./eslint.layers.js', import.meta.url).href)) as {
  LAYERS: string[][];
  layeringBlocks: () => Linter.Config[];
};

// The lint rule itself, run on planted imports: `npm run lint` applies the same blocks to the tree.
const linter = new Linter({ configType: 'flat' });
const config = [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  ...layeringBlocks(),
];

function problems(filename: string, code: string): string[] {
  return linter.verify(code, config, { filename }).map((message) => message.message);
}

describe('layering lint rule', () => {
  it('refuses an upward import in every lib: each lib against the layer above it', () => {
    for (const [rank, layer] of LAYERS.slice(0, -1).entries()) {
      const above = LAYERS[rank + 1][0];
      for (const lib of layer) {
        const file = lib === 'migrations' ? 'migrations/planted.ts' : `libs/${lib}/src/planted.ts`;
        expect([lib, problems(file, `import { x } from '@sillok/${above}';\n`)]).toEqual([
          lib,
          [expect.stringContaining(`${lib} must not import ${above}`)],
        ]);
      }
    }
  });

  it('refuses the upward imports the architecture names (auth -> cases, testimonies -> exports), type-only too', () => {
    expect(problems('libs/auth/src/planted.ts', `import type { CaseView } from '@sillok/cases';\n`)).toHaveLength(1);
    expect(problems('libs/testimonies/src/a/planted.ts', `export { x } from '@sillok/exports';\n`)).toHaveLength(1);
  });

  it('refuses a sibling of the same layer (testimonies and evidence know nothing of each other)', () => {
    expect(problems('libs/evidence/src/planted.ts', `import { x } from '@sillok/testimonies';\n`)).toHaveLength(1);
  });

  it("refuses another lib's internals, by alias or relative path, and any import of apps", () => {
    expect(
      problems(
        'libs/incidents/src/planted.ts',
        `import { x } from '@sillok/testimonies/src/witnesses/http/witness.dto.js';\n`,
      ),
    ).toHaveLength(1);
    expect(
      problems('libs/incidents/src/a/planted.ts', `import { x } from '../../../testimonies/src/index.js';\n`),
    ).toHaveLength(1);
    expect(problems('libs/search/src/planted.ts', `import { x } from '../../../apps/api/src/main.js';\n`)).toHaveLength(
      1,
    );
    expect(problems('apps/api/src/planted.ts', `import { x } from '../../../libs/core/src/index.js';\n`)).toHaveLength(
      1,
    );
  });

  it('keeps apps/web off every lib', () => {
    expect(problems('apps/web/src/planted.tsx', `import { Permission } from '@sillok/core';\n`)).toHaveLength(1);
  });

  it('lets the arrows that point down through', () => {
    expect(
      problems(
        'libs/incidents/src/a/planted.ts',
        `import { x } from '@sillok/testimonies';\nimport { y } from '../b.js';\n`,
      ),
    ).toEqual([]);
    expect(problems('libs/exports/src/planted.ts', `import { x } from '@sillok/incidents';\n`)).toEqual([]);
    expect(problems('apps/cli/src/planted.ts', `import { x } from '@sillok/exports';\n`)).toEqual([]);
    expect(
      problems('libs/core/src/planted.spec.ts', `import { x } from '../../../test/support/log-capture.js';\n`),
    ).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint.layers.js is the plain module eslint.config.js loads; typed here by hand.
const { LAYERS, layeringBlocks, conventionBlocks } = (await import(
  new URL('./eslint.layers.js', import.meta.url).href
)) as {
  LAYERS: string[][];
  layeringBlocks: () => Linter.Config[];
  conventionBlocks: () => Linter.Config[];
};

// The lint rule itself, run on planted imports: `npm run lint` applies the same blocks to the tree.
const linter = new Linter({ configType: 'flat' });
const config = [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  ...layeringBlocks(),
  ...conventionBlocks(),
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

describe('feature conventions (README "Layout of a feature")', () => {
  const HTTP_FOLDER = expect.stringContaining('http/ folder');

  it("refuses a controller, request DTO, query or OpenAPI helper outside its feature's http/ folder", () => {
    for (const file of [
      'libs/cases/src/case.controller.ts',
      'libs/cases/src/dto/create-case.dto.ts',
      'libs/auth/src/users/dto/update-user.dto.ts',
      'libs/search/src/search.query.ts',
      'libs/evidence/src/attachments/attachment-content.openapi.ts',
    ]) {
      expect([file, problems(file, `export const x = 1;\n`)]).toEqual([file, [HTTP_FOLDER]]);
    }
  });

  it('lets them through in an http/ folder, and leaves the shared helpers of core and the other files alone', () => {
    for (const file of [
      'libs/cases/src/http/case.controller.ts',
      'libs/cases/src/members/http/add-case-member.dto.ts',
      'libs/search/src/http/search.query.ts',
      'libs/core/src/pagination/page-query.dto.ts',
      'libs/cases/src/case.responses.ts',
      'libs/cases/src/case.service.ts',
    ]) {
      expect([file, problems(file, `export const x = 1;\n`)]).toEqual([file, []]);
    }
  });

  it('refuses the retired TypeORM styles: an injected repository, manager.<method>(Entity, ...)', () => {
    const service = 'libs/cases/src/planted.service.ts';
    expect(problems(service, `import { InjectRepository } from '@nestjs/typeorm';\n`)).toHaveLength(1);
    for (const call of [
      'manager.find(Case, { where: { id } })',
      'manager.update(CaseMember, { caseId }, { caseRole })',
      'manager.create(Case, {})',
      'm.findOneByOrFail(Case, { id })',
      'this.dataSource.manager.count(Attachment)',
    ]) {
      expect([call, problems(service, `await ${call};\n`)]).toEqual([call, [expect.stringContaining('getRepository')]]);
    }
    expect(problems('apps/cli/src/planted.ts', `await manager.insert(Case, {});\n`)).toHaveLength(1);
  });

  it('lets the one style through, with raw SQL and saves of a repository', () => {
    for (const call of [
      'manager.getRepository(Case).find({ where: { id } })',
      'this.dataSource.getRepository(User).findOneBy({ id })',
      'manager.getRepository(Case).save(manager.getRepository(Case).create({}))',
      'manager.query(`SELECT 1`)',
      'this.dataSource.manager.query(`SELECT 1`)',
    ]) {
      expect([call, problems('libs/cases/src/planted.service.ts', `await ${call};\n`)]).toEqual([call, []]);
    }
  });
});

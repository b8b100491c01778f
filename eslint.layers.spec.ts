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

describe('short parameter lists (issue 19)', () => {
  const LONG = expect.stringContaining('take one options object');
  const five = 'a: number, b: number, c: number, d: number, e: number';

  it('refuses a function, method or arrow of more than four parameters in the libs, apps, web client and test helpers', () => {
    const shapes = [
      `export function f(${five}) {}\n`,
      `export const f = (${five}) => a;\n`,
      `export const f = function (${five}) {};\n`,
      `export class C {\n  m(${five}) {}\n  static s(${five}) {}\n}\n`,
      `export const o = { m(${five}) {} };\n`,
    ];
    for (const file of [
      'libs/cases/src/planted.service.ts',
      'libs/exports/src/http/planted.controller.ts',
      'apps/api/src/planted.ts',
      'apps/cli/src/commands/planted.command.ts',
      'apps/web/src/planted.tsx',
      'apps/web/src/search/planted.ts',
      'test/support/planted-fixtures.ts',
      'test/support/audit-log.ts',
    ]) {
      for (const code of shapes) {
        const expected = code.includes('class C') ? [LONG, LONG] : [LONG];
        expect([file, code, problems(file, code)]).toEqual([file, code, expected]);
      }
    }
  });

  it("refuses it beside a misplaced HTTP file's own refusal, and keeps the audit-log rule in the test helpers", () => {
    expect(problems('libs/cases/src/planted.controller.ts', `export function f(${five}) {}\n`)).toEqual([
      expect.stringContaining('http/ folder'),
      LONG,
    ]);
    expect(
      problems('test/support/planted-fixtures.ts', `export const q = (a: number) => 'SELECT * FROM audit_events';\n`),
    ).toEqual([expect.stringContaining('readAuditLog')]);
  });

  it('lets four parameters through, and constructors and the handlers of a @Controller class of any length', () => {
    expect(problems('libs/cases/src/planted.ts', `export function f(a: 1, b: 2, c: 3, d: 4) {}\n`)).toEqual([]);
    expect(
      problems(
        'libs/cases/src/planted.service.ts',
        `@Injectable()\nexport class S {\n  constructor(${five}, private readonly f: F) {}\n}\n`,
      ),
    ).toEqual([]);
    const controller = [
      `@Controller('cases')`,
      `export class CaseController {`,
      `  @Get(':id/download')`,
      `  download(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: Q, @Headers('range') r: string, @Res() res: Response) {}`,
      `}`,
      `function helper(${five}) {}`,
    ].join('\n');
    // The handler passes; a plain function in the same file does not.
    expect(problems('libs/cases/src/http/planted.controller.ts', controller)).toEqual([LONG]);
  });

  it('holds the helpers, not the tests: a test file outside test/support is not checked', () => {
    expect(problems('test/cases/planted.e2e-spec.ts', `function f(${five}) {}\n`)).toEqual([]);
  });
});

describe('specs keep what they set inside their describe (test/support/folder-suite.ts)', () => {
  const file = 'test/auth/planted.e2e-spec.ts';
  const [INSIDE, TIMEOUT, IN_HOOK, ONLY] = [
    "Inside the spec's describe: the folder's suite runs every spec of the folder in one module (test/support/folder-suite.ts).",
    "Pass the timeout to the test or hook (it('…', fn, ms)): jest's file-wide settings hold for the folder's whole suite.",
    "In a hook (beforeAll/afterAll) or a test: a describe's body runs while the folder's suite is collected, before any test.",
    "No .only in a spec: the folder's suite would skip every other spec of the folder.",
  ];

  it('refuses a hook, a hook-registering helper or a jest call at the top level of a spec', () => {
    for (const call of [
      'beforeAll(() => {})',
      'afterEach(() => {})',
      'freezeDateMidTotpStep()',
      'failEachTestOnErrorLogs(logs)',
      'jest.useFakeTimers()',
    ])
      expect(problems(file, `${call};\n`)).toEqual([INSIDE]);
  });

  it("refuses jest's file-wide settings anywhere, and a jest call in a describe's body", () => {
    expect(problems(file, 'jest.setTimeout(1000);\n').sort()).toEqual([INSIDE, TIMEOUT].sort());
    expect(problems(file, "describe('x', () => {\n  jest.retryTimes(2);\n});\n").sort()).toEqual(
      [TIMEOUT, IN_HOOK].sort(),
    );
    expect(problems(file, "describe('x', () => {\n  jest.useFakeTimers();\n});\n")).toEqual([IN_HOOK]);
    expect(problems(file, "describe('x', () => {\n  it('y', () => {}, 1000);\n});\n")).toEqual([]);
  });

  it('refuses .only on a describe, it or test', () => {
    for (const name of ['describe', 'it', 'test'])
      expect(problems(file, `${name}.only('x', () => {});\n`)).toEqual([ONLY]);
  });

  it('lets describes, tests, declarations and hooks inside a describe through, and keeps the audit-log rule', () => {
    const inside = [
      "const app = 'x';",
      "describe('x', () => {",
      '  freezeDateMidTotpStep();',
      '  beforeAll(() => { jest.useFakeTimers(); });',
      "  it('y', () => {});",
      '});',
      "describe.each([1])('x %i', () => {});",
      "test.skip('z', () => {});",
      "describeObjectStoreContract('filesystem', () => store);",
      "(process.env.BENCH ? describe : describe.skip)('measured', () => {});",
    ].join('\n');
    expect(problems(file, inside + '\n')).toEqual([]);
    expect(problems(file, "describe('x', () => { q('SELECT 1 FROM audit_events'); });\n")).toHaveLength(1);
  });
});

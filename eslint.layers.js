// The arrow order of /ARCHITECTURE "The parts", as lint rules: a lib imports only libs of a lower
// layer, each through its index.ts (`@sillok/<lib>`); nothing imports apps; apps/web imports no lib.
// eslint.config.js applies these blocks; eslint.layers.spec.ts proves they refuse a planted import.

/** Lowest first. A lib may import the libs of the layers below its own, never its own layer's or above. */
export const LAYERS = [
  ['core', 'config'],
  ['database'],
  ['migrations'],
  ['audit'],
  ['auth'],
  ['taxonomy', 'cases'],
  ['testimonies', 'evidence'],
  ['incidents'],
  ['exports', 'imports', 'search'],
];

const LIBS = LAYERS.flat();

// Relative paths that leave a lib or an app: into another lib's or app's folder (libs/x/src, ../x/src, apps/).
const RELATIVE_ESCAPE = {
  regex: String.raw`^(\.\.?/)+((libs|apps)/|[a-z-]+/src(/|$))`,
  message: "reach another lib through its index.ts ('@sillok/<lib>'), never by a relative path; nothing imports apps",
};

// '@sillok/<lib>/...': another lib's internals.
const DEEP_IMPORT = {
  regex: String.raw`^@sillok/[a-z-]+/`,
  message: "import another lib only through its index.ts ('@sillok/<lib>'), not its internals",
};

function restrictedImports(forbidden, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: forbidden.map((name) => ({ name: `@sillok/${name}`, message: why(name) })),
        patterns: [DEEP_IMPORT, RELATIVE_ESCAPE],
      },
    ],
  };
}

/** One flat-config block a lib and app, all from LAYERS. */
export function layeringBlocks() {
  const libBlocks = LAYERS.flatMap((layer, rank) =>
    layer.map((lib) => ({
      files: [lib === 'migrations' ? 'migrations/**/*.ts' : `libs/${lib}/**/*.ts`],
      rules: restrictedImports(
        LAYERS.slice(rank)
          .flat()
          .filter((other) => other !== lib),
        (other) =>
          `${lib} must not import ${other}: arrows point down (${LAYERS.map((l) => l.join(', '))
            .reverse()
            .join(' -> ')})`,
      ),
    })),
  );
  return [
    ...libBlocks,
    { files: ['apps/api/**/*.ts', 'apps/cli/**/*.ts'], rules: restrictedImports([], () => '') },
    {
      files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
      rules: restrictedImports(
        LIBS,
        () => 'apps/web imports no lib: its only contract with the server is the OpenAPI document',
      ),
    },
  ];
}

// The conventions of a feature (README "Layout of a feature"), checked on the same files.
const HTTP_FILES = ['*.controller.ts', '*.dto.ts', '*.query.ts', '*.openapi.ts'];

/** A feature's HTTP surface (controllers, request DTOs, OpenAPI-only helpers) lives in its `http/` folder. */
const HTTP_PLACEMENT = {
  selector: 'Program',
  message:
    "a feature's controllers, request DTOs and OpenAPI helpers live in its http/ folder (libs/<lib>/src[/<feature>]/http/)",
};

/**
 * One TypeORM style: a service reaches an entity through `manager.getRepository(Entity)` (or
 * `dataSource.getRepository(Entity)` outside a transaction), never an injected repository (which
 * runs outside the request's transaction) nor `manager.find(Entity, …)` and its siblings.
 */
const ENTITY_MANAGER_METHODS =
  'find|findBy|findOne|findOneBy|findOneOrFail|findOneByOrFail|findAndCount|findAndCountBy|count|countBy|exists|existsBy|sum|average|minimum|maximum|save|insert|update|upsert|delete|remove|softDelete|restore|increment|decrement|create|merge|preload|createQueryBuilder|clear';
const MANAGER_NAMES = 'manager|m|em|entityManager|tx';
const TYPEORM_STYLE = [
  {
    selector: "ImportSpecifier[imported.name='InjectRepository']",
    message:
      'no injected repositories: use manager.getRepository(Entity) inside the transaction (README "Layout of a feature")',
  },
  ...[
    `CallExpression[callee.object.name=/^(${MANAGER_NAMES})$/][callee.property.name=/^(${ENTITY_MANAGER_METHODS})$/][arguments.0.type='Identifier'][arguments.0.name=/^[A-Z]/]`,
    `CallExpression[callee.object.property.name='manager'][callee.property.name=/^(${ENTITY_MANAGER_METHODS})$/][arguments.0.type='Identifier'][arguments.0.name=/^[A-Z]/]`,
  ].map((selector) => ({
    selector,
    message: 'reach an entity through manager.getRepository(Entity).<method>(…), not manager.<method>(Entity, …)',
  })),
];

/**
 * Issue 19: a long positional parameter list is easy to call with two arguments swapped; past four, a
 * function takes one options object. Constructors (Nest dependency injection) and the handlers of a
 * `@Controller` class (each parameter a decorated request part) are exempt.
 */
export const MAX_PARAMS = 4;
const LONG_PARAMETER_LIST = {
  selector: [
    `:function[params.length>${MAX_PARAMS}]`,
    ":not(MethodDefinition[kind='constructor'] > FunctionExpression)",
    ":not(ClassDeclaration:has(Decorator[expression.callee.name='Controller']) > ClassBody > MethodDefinition > FunctionExpression)",
  ].join(''),
  message: `more than ${MAX_PARAMS} parameters: take one options object ({ a, b, … }) so that no call can swap two arguments`,
};

// A test that reads audit_events straight after its requests can miss an event still pending
// (README "Audit trail"): tests read the log through readAuditLog(), which seals first.
const AUDIT_LOG_READ = [
  "Literal[value=/SELECT[^;]*FROM audit_events\\b/]:not(CallExpression[callee.name='readAuditLog'] > Literal)",
  "TemplateLiteral:not(CallExpression[callee.name='readAuditLog'] > TemplateLiteral) > TemplateElement[value.raw=/SELECT[^;]*FROM audit_events\\b/]",
].map((selector) => ({
  selector,
  message: 'Read the audit log with readAuditLog() (test/support/audit-log.ts): it seals pending events first.',
}));
const AUDIT_LOG_HELPER = 'test/support/audit-log.ts';

// A folder's suite imports every spec of the folder into one module (test/support/folder-suite.ts),
// so what a spec sets for "the file" holds for the whole folder: at a spec's top level only its
// describe (and it/test) may run; jest's file-wide settings are read once per suite, wherever they are
// called; and a `.only` would skip every other spec of the folder, not only of its file.
const TESTING = '/^(describe|it|test)$/';
const SPEC_SCOPE = [
  {
    // A describe of our own (describeObjectStoreContract) and `(BENCH ? describe : describe.skip)(…)` count as a describe.
    selector: `Program > ExpressionStatement > CallExpression:not([callee.name=/^(describe\\w*|it|test)$/], [callee.object.name=${TESTING}], [callee.callee.object.name=${TESTING}], [callee.consequent.name='describe'])`,
    message:
      "Inside the spec's describe: the folder's suite runs every spec of the folder in one module (test/support/folder-suite.ts).",
  },
  {
    selector: "CallExpression[callee.object.name='jest'][callee.property.name=/^(setTimeout|retryTimes)$/]",
    message:
      "Pass the timeout to the test or hook (it('…', fn, ms)): jest's file-wide settings hold for the folder's whole suite.",
  },
  {
    selector:
      "CallExpression[callee.name='describe'] > :function > BlockStatement > ExpressionStatement > CallExpression[callee.object.name='jest']",
    message:
      "In a hook (beforeAll/afterAll) or a test: a describe's body runs while the folder's suite is collected, before any test.",
  },
  {
    selector: `MemberExpression[object.name=${TESTING}][property.name='only']`,
    message: "No .only in a spec: the folder's suite would skip every other spec of the folder.",
  },
];

function restrictedSyntax(...lists) {
  return { 'no-restricted-syntax': ['error', ...lists.flat()] };
}

/**
 * The feature-layout, TypeORM-style, parameter-list and audit-read blocks. Every `no-restricted-syntax`
 * list is built here, whole for each file: a later block's list replaces an earlier one's.
 */
export function conventionBlocks() {
  const code = ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/cli/**/*.ts'];
  return [
    { files: code, rules: restrictedSyntax(TYPEORM_STYLE, LONG_PARAMETER_LIST) },
    {
      files: HTTP_FILES.map((pattern) => `libs/**/${pattern}`),
      // libs/core holds no feature: its shared HTTP helpers (page-query.dto.ts, id-param.dto.ts) stay in place.
      ignores: ['libs/**/http/**', 'libs/core/**'],
      rules: restrictedSyntax(TYPEORM_STYLE, HTTP_PLACEMENT, LONG_PARAMETER_LIST),
    },
    // The web client too; its components take one props object anyway.
    { files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'], rules: restrictedSyntax(LONG_PARAMETER_LIST) },
    { files: ['test/**/*.ts'], ignores: [AUDIT_LOG_HELPER], rules: restrictedSyntax(AUDIT_LOG_READ) },
    { files: ['test/**/*.e2e-spec.ts'], rules: restrictedSyntax(AUDIT_LOG_READ, SPEC_SCOPE) },
    // The shared test helpers are code that many tests call; the tests themselves are not held to it.
    {
      files: ['test/support/**/*.ts'],
      ignores: [AUDIT_LOG_HELPER],
      rules: restrictedSyntax(AUDIT_LOG_READ, LONG_PARAMETER_LIST),
    },
    { files: [AUDIT_LOG_HELPER], rules: restrictedSyntax(LONG_PARAMETER_LIST) },
  ];
}

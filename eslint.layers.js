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

// Jest's TypeScript transformer: ts-jest, loaded only when a file is actually compiled.
//
// Jest asks a transformer for every file's cache key, and compiles only on a miss. ts-jest loads
// the TypeScript compiler (about a second of CPU) as soon as it is imported, in every worker
// process Jest starts, even when every file comes from the cache. This wrapper computes the key
// itself from what decides the output (the source, its path, the Jest project's configuration with
// ts-jest's options, tsconfig.json, the versions of ts-jest and TypeScript, and this file), and
// hands the file to ts-jest only on a miss, so the output is ts-jest's own.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const FIXED = [versionOf('ts-jest'), versionOf('typescript'), readFileSync(fileURLToPath(import.meta.url), 'utf8')];

function createTransformer(tsJestOptions = {}) {
  let tsJest;
  const compiler = () => (tsJest ??= require('ts-jest').default.createTransformer(tsJestOptions));
  const tsconfigs = new Map();
  const tsconfigText = (rootDir) => {
    const file = (tsJestOptions.tsconfig ?? '<rootDir>/tsconfig.json').replace('<rootDir>', rootDir);
    if (!tsconfigs.has(file))
      tsconfigs.set(file, readFileSync(file.startsWith('/') ? file : join(rootDir, file), 'utf8'));
    return tsconfigs.get(file);
  };
  const getCacheKey = (source, path, options) =>
    createHash('sha1')
      .update(
        [
          ...FIXED,
          JSON.stringify(tsJestOptions),
          options.configString,
          tsconfigText(options.config.rootDir),
          `instrument:${options.instrument ? 'on' : 'off'}`,
          `supportsStaticESM:${options.supportsStaticESM ? 'on' : 'off'}`,
          path,
          source,
        ].join('\0'),
      )
      .digest('hex');
  return {
    canInstrument: false,
    getCacheKey,
    getCacheKeyAsync: async (...args) => getCacheKey(...args),
    process: (...args) => compiler().process(...args),
    processAsync: (...args) => compiler().processAsync(...args),
  };
}

export default { createTransformer };

// npm run api:lint: lints the document the API serves with Redocly CLI (rules in redocly.yaml).
// The document is written to dist/openapi.json first, the path .redocly.lint-ignore.yaml names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildServedDocument } from './openapi-document.mjs';

const file = 'dist/openapi.json';
mkdirSync('dist', { recursive: true });
writeFileSync(file, JSON.stringify(await buildServedDocument(), null, 2) + '\n');
const lint = spawnSync('npx', ['redocly', 'lint', '--config', 'redocly.yaml', '--format', 'stylish', file], {
  stdio: 'inherit',
});
process.exit(lint.status ?? 1);

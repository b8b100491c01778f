// Regenerates apps/web/src/api/schema.d.ts from a running API's OpenAPI document:
//   npm run web:api-types                       (API on http://localhost:3000)
//   SILLOK_API_URL=http://localhost:3916 npm run web:api-types
// Re-run it after any change to the API's routes or DTOs (for example after merging another
// branch); test/web/api-types.e2e-spec.ts fails until you do.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiToTypes } from './openapi-to-types.mjs';

const base = process.env.SILLOK_API_URL ?? 'http://localhost:3000';
const target = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const response = await fetch(new URL('/api/openapi.json', base));
if (!response.ok) throw new Error(`GET ${base}/api/openapi.json answered ${response.status}`);
await writeFile(target, await openApiToTypes(await response.json()));
console.log(`wrote ${target}`);

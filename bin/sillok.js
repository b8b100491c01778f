#!/usr/bin/env node
// The `sillok` command: runs the compiled CLI (npm install builds it; so does `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/apps/cli/src/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('sillok: the command line is not built yet: run `npm run build` first\n');
  process.exit(1);
}
await import(pathToFileURL(entry).href);

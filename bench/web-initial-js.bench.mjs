// The web client's initial JavaScript against its budget (issue 16: under 250 KB gzipped): every
// script and modulepreload that dist/web/index.html loads before the first screen, gzipped as a
// server would send it. ratio = budget / actual (1 or more is within budget). Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const dir = join(process.cwd(), 'dist', 'web');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
].map((m) => m[1]);
if (!initial.length) throw new Error('no script in dist/web/index.html: run npm run build');
const sizes = initial.map((file) => {
  const bytes = readFileSync(join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
});
const gzipBytes = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
const round = (n) => Math.round(n * 1000) / 1000;
console.log(
  JSON.stringify({
    name: 'web-initial-js',
    files: sizes.length,
    rawKB: round(sizes.reduce((sum, s) => sum + s.bytes, 0) / 1024),
    gzipKB: round(gzipBytes / 1024),
    budgetKB: BUDGET_BYTES / 1024,
    ratio: round(BUDGET_BYTES / gzipBytes),
  }),
);

// `npm run bench`: runs every benchmark in its own process (needs the build: npm run bench builds first),
// prints each result line, and writes them to bench/results/latest.json. Not part of npm test.
// Each benchmark measures our figure against a raw baseline in the same run and prints the ratio.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const BENCHMARKS = [
  { name: 'audit-verify', args: ['bench/audit-verify.bench.mjs', process.env.BENCH_AUDIT_ROWS ?? '200000'] },
  { name: 'audit-write', args: ['bench/audit-write.bench.mjs'] },
  { name: 'upload', args: ['bench/upload.bench.mjs', process.env.BENCH_UPLOAD_MB ?? '256'] },
  { name: 'search', args: ['bench/search.bench.mjs'] },
];

const results = [];
for (const { name, args } of BENCHMARKS) {
  process.stderr.write(`bench: ${name} ...\n`);
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    process.stderr.write(`bench: ${name} failed (exit ${run.status})\n`);
    process.exitCode = 1;
    continue;
  }
  process.stdout.write(line + '\n');
  results.push(JSON.parse(line));
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n');

// `npm run bench`: runs every benchmark in its own process (needs the build: npm run bench builds first),
// prints each result line, and writes them to bench/results/latest.json and, as a table, latest.md. Not part of npm test.
// Each benchmark measures our figure against a raw baseline in the same run and prints the ratio.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resultsMarkdown } from './support/results-markdown.mjs';

// Sizes given to npm run bench (`npm run bench -- --testimonies 100000`), passed on to the benchmarks that take them.
const sizeOptions = (...names) =>
  names.flatMap((name) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? [`--${name}`, process.argv[at + 1]] : [];
  });

const BENCHMARKS = [
  { name: 'audit-verify', args: ['bench/audit-verify.bench.mjs', process.env.BENCH_AUDIT_ROWS ?? '200000'] },
  { name: 'audit-write', args: ['bench/audit-write.bench.mjs'] },
  { name: 'upload', args: ['bench/upload.bench.mjs', process.env.BENCH_UPLOAD_MB ?? '256'] },
  {
    name: 'export',
    args: ['bench/export.bench.mjs', process.env.BENCH_EXPORT_MB ?? '256', process.env.BENCH_EXPORT_FILES ?? '4'],
  },
  { name: 'import', args: ['bench/import.bench.mjs', ...sizeOptions('testimonies')] },
  { name: 'api-create', args: ['bench/api-create.bench.mjs', ...sizeOptions('seconds', 'clients')] },
  { name: 'fixity', args: ['bench/fixity.bench.mjs', ...sizeOptions('files', 'file-mb')] },
  { name: 'web-initial-js', args: ['bench/web-initial-js.bench.mjs'] },
  { name: 'web-screens', args: ['bench/web-screens.bench.mjs'] },
  // `npm run bench -- --search-testimonies 1000000 --keep`: the search corpus at the size, kept for the next run.
  {
    name: 'search',
    args: [
      'bench/search.bench.mjs',
      ...sizeOptions('search-testimonies').map((a) => a.replace('--search-testimonies', '--testimonies')),
      ...(process.argv.includes('--keep') ? ['--keep'] : []),
    ],
  },
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
const at = new Date().toISOString();
writeFileSync('bench/results/latest.json', JSON.stringify({ at, results }, null, 2) + '\n');
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeFileSync('bench/results/latest.md', resultsMarkdown({ at, results, machine }));

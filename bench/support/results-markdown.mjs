// bench/results/latest.md: the results of one `npm run bench` as a table, ratio first (our figure
// against the raw baseline measured in the same run), then every figure the benchmark printed.
const TARGETS = {
  'audit-verify': 'at least 100,000 rows/s',
  'audit-write': 'at least 0.6 of plain transactions (audited / plain)',
  upload: 'at least 0.8 of a direct put; RSS growth under 150 MB for 1 GB',
  import:
    'at least 5,000 testimonies/s end to end and 0.25 of raw COPY into trigger-less tables (ratioWithTriggers: against COPY into the tables with their triggers)',
  'api-create-testimony-5-tags': 'at least 0.25 of raw SQL into trigger-less tables, 0 errors, p99 under 100 ms',
  fixity: 'at least 0.8 of sha256sum',
  export: 'at least 0.7 of zip -0; RSS growth under 200 MB for 2 GB',
  search: 'every class p95 under 100 ms (300 ms with facets); 8 clients at least 20 req/s at p95 under 1 s',
  'web-initial-js': 'under 250 KB gzipped (ratio = budget / actual, at least 1)',
  'web-screens':
    'first screen under 1.5 s (cold cache), 50,000-char / 300-tag testimony opens under 1 s, selection to tag dialog under 100 ms (ratio = budget / measured, the smallest, at least 1)',
};

export function resultsMarkdown({ at, results, machine }) {
  const cell = (value) => String(value).replace(/\|/g, '\\|');
  const lines = [
    '# Benchmark results',
    '',
    `Run of \`npm run bench\` at ${at} on ${machine}. Each ratio is our figure divided by the raw baseline`,
    'measured in the same run (higher is better; 1 = as fast as the baseline). Regenerate with `npm run bench`.',
    '',
    '| benchmark | ratio | target | figures |',
    '| --- | ---: | --- | --- |',
  ];
  for (const { name, bench, ratio, ...figures } of results) {
    const label = name ?? bench;
    const rest = flatten(figures)
      .map(([key, value]) => `${key} ${cell(value)}`)
      .join(', ');
    lines.push(`| ${label} | ${ratio ?? ''} | ${TARGETS[label] ?? ''} | ${rest} |`);
  }
  return lines.join('\n') + '\n';
}

/** Nested figures (latencies by percentile) as `textTwoFiltersMs.p95 22`. */
function flatten(figures, prefix = '') {
  return Object.entries(figures).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? flatten(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

// Sizes of a benchmark run: `--testimonies 100000` style options (also passed on by npm run bench).
export function benchOption(name, fallback) {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** Peak resident memory of this process while `work` runs, sampled every 20 ms. */
export async function withPeakRss(work) {
  const { setInterval, clearInterval } = await import('node:timers');
  let peak = process.memoryUsage.rss();
  const baseline = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await work();
    return { result, baselineRss: baseline, peakRss: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const MIB = 1024 * 1024;

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

/**
 * CPU seconds used so far by this process and by the PostgreSQL backends serving `database` (read
 * from /proc: only when the server runs on this machine; else the backends count 0). On a busy
 * machine wall time stretches with the load; CPU time shows what each phase costs.
 */
export async function cpuSnapshot(query) {
  const { readFileSync } = await import('node:fs');
  const ticks = new Map();
  for (const { pid } of await query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // not on this machine, or gone
    }
  }
  const { user, system } = process.cpuUsage();
  return { ticks, own: (user + system) / 1e6 };
}

/** CPU seconds between two snapshots: { node, postgres } (Linux ticks are 1/100 s). */
export function cpuSince(before, after) {
  let ticks = 0;
  for (const [pid, t] of after.ticks) ticks += t - (before.ticks.get(pid) ?? 0);
  return { node: round(after.own - before.own, 2), postgres: round(ticks / 100, 2) };
}

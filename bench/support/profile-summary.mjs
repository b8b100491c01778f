// Where a server's CPU went, from a V8 .cpuprofile (node --cpu-prof; BENCH_SERVER_NODE_ARGS in
// bench-server.mjs): self time by function and by package, and the inclusive share of each request
// phase (a sample counts for a phase when any frame of its stack belongs to it).
//   node bench/support/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 40] [--last 8]
// `--last S` keeps only the samples of the profile's last S seconds (the load phase, without the boot).
// The samples are wall time on the main thread: on a loaded machine a thread preempted inside a
// system call (a socket write that wakes a PostgreSQL backend) keeps counting there; per-request CPU
// time (/proc) is the measure, the profile tells where to look. `--without-writes` counts the samples
// whose leaf is a socket write as waiting, like idle ones.
import { readFileSync } from 'node:fs';

/** Request phases by the frames that belong to them: a url fragment or a function name pattern. */
const PHASES = [
  ['http parse + express', (f) => /node_modules\/(express|router|finalhandler|body-parser|raw-body)\//.test(f.url)],
  ['body JSON.parse', (f) => /body-parser\/lib\/types\/json/.test(f.url)],
  ['guards (auth, permission, JWT)', (f) => /guard|passport|jsonwebtoken|jws|jwa|\/libs\/auth\//.test(f.url)],
  ['validation pipe', (f) => /class-validator|class-transformer|validation\.pipe|\/pipes\//.test(f.url)],
  ['class-validator', (f) => /class-validator/.test(f.url)],
  ['class-transformer', (f) => /class-transformer/.test(f.url)],
  ['TestimonyService.create', (f) => f.functionName === 'create' && /testimony\.service/.test(f.url)],
  ['typeorm (all)', (f) => /node_modules\/typeorm\//.test(f.url)],
  ['typeorm query building', (f) => /typeorm\/(query-builder|persistence|entity-manager|repository)\//.test(f.url)],
  ['typeorm metadata', (f) => /typeorm\/metadata\//.test(f.url)],
  ['pg driver + protocol', (f) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(f.url)],
  ['audit', (f) => /\/libs\/audit\//.test(f.url)],
  ['hashing (crypto)', (f) => /^(createHash|update|digest|Hash|hash)$/.test(f.functionName) && /crypto/.test(f.url)],
  ['JSON.stringify', (f) => f.functionName === 'stringify'],
  ['logging (pino)', (f) => /pino|\/logging\//.test(f.url)],
  [
    'socket writes',
    (f) => /^(writev|writeGeneric|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f.functionName),
  ],
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
];

const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback;
const top = option('top', 40);
const lastSeconds = option('last', Infinity);
const withoutWrites = args.includes('--without-writes');
const file = args.find((a) => a.endsWith('.cpuprofile'));
if (!file) throw new Error('usage: profile-summary.mjs <file.cpuprofile> [--top N]');
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);

const self = new Map();
const selfByPackage = new Map();
const phases = new Map(PHASES.map(([name]) => [name, 0]));
let total = 0;
let idle = 0;
let writes = 0;
const add = (map, key, t) => map.set(key, (map.get(key) ?? 0) + t);

/** node_modules/<package>, dist/<app or lib>, node:<internal>, or the V8 pseudo-frame. */
function packageOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  const ours = /dist\/((?:libs|apps)\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  return url.startsWith('node:') ? url : url.replace(/^file:\/\//, '');
}

const from = profile.endTime - lastSeconds * 1e6;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const t = profile.timeDeltas[i] ?? 0;
  at += t;
  if (at < from) return;
  const leaf = byId.get(id).callFrame;
  if (leaf.functionName === '(idle)') {
    idle += t;
    return;
  }
  if (withoutWrites && PHASES.find(([name]) => name === 'socket writes')[1](leaf)) {
    writes += t;
    return;
  }
  total += t;
  add(self, `${leaf.functionName || '(anonymous)'} ${packageOf(leaf)}:${leaf.lineNumber + 1}`, t);
  add(selfByPackage, packageOf(leaf), t);
  const hit = new Set();
  for (let node = id; node !== undefined; node = parentOf.get(node)) {
    const frame = byId.get(node).callFrame;
    for (const [name, belongs] of PHASES) if (!hit.has(name) && belongs(frame)) hit.add(name);
  }
  for (const name of hit) add(phases, name, t);
});

const ms = (t) => (t / 1000).toFixed(0).padStart(7);
const share = (t) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
const table = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [key, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${ms(t)} ms ${share(t)}  ${key}`);
};
console.log(`busy ${ms(total)} ms, idle ${ms(idle)} ms, socket writes left out ${ms(writes)} ms (${file})`);
table('inclusive, by request phase', phases, PHASES.length);
table('self, by package', selfByPackage, top);
table('self, by function', self, top);

